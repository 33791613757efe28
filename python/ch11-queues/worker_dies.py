# Not from the workshop: a worker that raises before `task_done()`
async def fragile_worker(name, queue):
    while True:
        sleep_for = await queue.get()
        await asyncio.sleep(sleep_for)
        if sleep_for > 0.6:
            raise ValueError(f"{name} cannot sleep for {sleep_for:.2f} seconds")
        queue.task_done()
        print(f"{name} has slept for {sleep_for:.2f} seconds")

queue = asyncio.Queue()
tasks = [asyncio.create_task(fragile_worker("Worker 1", queue))]
queue.put_nowait(0.5)
queue.put_nowait(0.75)
try:
    await asyncio.wait_for(queue.join(), 3)
except TimeoutError:
    print(f"queue.join() still waiting 3 s later; the worker: {tasks[0].exception()!r}")
