# Workshop (Python)
semaphore = asyncio.Semaphore(5)
