# Workshop (Python)
# JavaScript-style callbacks
task = asyncio.create_task(sleep_and_return())
task.add_done_callback(lambda x: print("Done: ", x.result()))
