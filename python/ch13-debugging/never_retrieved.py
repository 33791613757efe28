# Not from the workshop: a task that raises, and that nobody awaits
import asyncio


async def make_thumbnail():
    raise ValueError("no such image")


async def main():
    asyncio.create_task(make_thumbnail())  # the task is not kept
    await asyncio.sleep(0.1)
    print("main goes on")


asyncio.run(main())
