# Workshop (Python)
coro = hello()           # Instantiate the coroutine, nothing will run yet
future = coro.send(None) # Run the coroutine until it "yields" back control
# logs Hello
future.done()            # True after ~1s
coro.send(None)          # Resume the coroutine
# logs World, then raises StopIteration
