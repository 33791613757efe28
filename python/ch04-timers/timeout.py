# Workshop (Python)
await asyncio.wait_for(sleep_and_return(), 1.5)
# Out: 'Hello World'
