# Workshop (Python)
# From https://docs.python.org/3.11/library/asyncio-queue.html
async def worker(name, queue):
    while True:
        sleep_for = await queue.get()
        await asyncio.sleep(sleep_for)
        queue.task_done()
        print(f"{name} has slept for {sleep_for:.2f} seconds")

queue = asyncio.Queue()
tasks = [
    asyncio.create_task(worker("Worker 1", queue)),
    asyncio.create_task(worker("Worker 2", queue))
]

# put_nowait: doesn't block if there is no free slot.
queue.put_nowait(1)
queue.put_nowait(0.5)
queue.put_nowait(0.75)
await queue.join()

[task.cancel() for task in tasks]
