# Workshop (Python)
semaphore = asyncio.Semaphore(5)

with Timer():
    futures = []
    # 1) Schedule the coroutines
    for _ in range(10):
        futures.append(asyncio.create_task(fetch_quote_async(semaphore)))
    # 2) Iterate on the coroutines result, as they finish
    for future in asyncio.as_completed(futures):
        print(await future)
