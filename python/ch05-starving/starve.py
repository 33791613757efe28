# Workshop (Python), where this version is commented out: the workshop ran only the
# yielding one below, and left this one in comments to show what it replaces.
# No await, will block the loop
async def cpu_intensive():
    logging.info("Computing...")
    s = sum(range(10**8))
    logging.info("Done")
    return s

asyncio.create_task(cpu_intensive())
asyncio.create_task(hello())
asyncio.create_task(hello());
