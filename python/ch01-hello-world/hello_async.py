# Workshop (Python)
async def hello():
    logging.info("Hello")
    await asyncio.sleep(1) # Non-blocking "I/O" call
    logging.info("World")

loop = asyncio.get_running_loop()
loop.create_task(hello())
loop.create_task(hello());
