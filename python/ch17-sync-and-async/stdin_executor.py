# Not from the workshop: stdin read on the default executor, as tokio::io::stdin does.
import asyncio
import sys


async def echo():
    loop = asyncio.get_running_loop()
    while line := await loop.run_in_executor(None, sys.stdin.readline):
        print(f"you typed: {line.rstrip()}")


async def main():
    task = asyncio.create_task(echo())
    await asyncio.sleep(0.3)  # the program's work
    print("work done, stopping the echo")
    task.cancel()
    print("main returns")
    # asyncio.run then shuts the default executor down, and waits for its threads.


asyncio.run(main())
