# Not from the workshop: in the notebook, the cell already runs on a running loop.
async def answer():
    return 42

coroutine = answer()
asyncio.run(coroutine)

await coroutine
