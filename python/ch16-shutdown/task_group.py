# Not from the workshop: asyncio.TaskGroup (Python 3.11), whose first error cancels the rest
import asyncio
import time

START = time.monotonic()


def log(message):
    print(f"{time.monotonic() - START:.3f}s {message}")


async def job(name, seconds, fails=False):
    log(f"{name}: started")
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        log(f"{name}: cancelled")
        raise
    if fails:
        raise ValueError(f"{name} failed")
    log(f"{name}: done")
    return name


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(job("one", 1))
            group.create_task(job("two", 2, fails=True))
            group.create_task(job("three", 3))
        log("all done")
    except* ValueError as failed:
        # The group waited for "three" to end, then raised what went wrong.
        log(f"the group failed: {failed.exceptions!r}")


asyncio.run(main())
