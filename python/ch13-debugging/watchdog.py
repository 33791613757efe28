# Not from the workshop: a task that blocks the loop for a second.
import asyncio
import time

async def resize_image():
    time.sleep(1)  # blocks the event loop

async def main():
    await asyncio.create_task(resize_image())

asyncio.run(main())
