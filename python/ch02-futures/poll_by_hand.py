# Not run: the notebook ran these lines as three cells, seconds apart, by hand; run in one go, the second send comes before the one-second sleep is over
# Workshop (Python)
coro = hello()           # Instantiate the coroutine, nothing will run yet
future = coro.send(None) # Run the coroutine until it "yields" back control
# logs Hello
future.done()            # True after ~1s
coro.send(None)          # Resume the coroutine
# logs World, then raises StopIteration
