# Workshop (Python)
async def hello():
    logging.info("Hello")
    await asyncio.sleep(1) # Non-blocking "I/O" call
    logging.info("World")

hello()
# Out: <coroutine object hello at 0x105099f40>
