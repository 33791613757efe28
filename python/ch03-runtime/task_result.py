# Workshop (Python)
async def sleep_and_return():
    await asyncio.sleep(1)
    return "Hello World"

loop = asyncio.get_running_loop()
task = loop.create_task(sleep_and_return())
# <=> asyncio.create_task(sleep_and_return())

task.done()
# task.cancel()
# Out: True

task.result()
# Out: 'Hello World'
