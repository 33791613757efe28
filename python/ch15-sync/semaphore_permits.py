# Not run: one line of chapter 9's cell, which runs there
# Workshop (Python)
semaphore = asyncio.Semaphore(5)
