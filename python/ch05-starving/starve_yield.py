# Workshop (Python)
# Periodically yields back control to the loop
async def cpu_intensive():
    logging.info("Computing...")
    s = 0
    for _ in range(10):
        s += sum(range(10**7))
        await asyncio.sleep(0)
    logging.info("Done")
    return s
