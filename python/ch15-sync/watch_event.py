# Not run: a sketch; the waiters are never started
# For comparison (not from the workshop)
event = asyncio.Event()

async def waiter(n):
    await event.wait()
    print(f"waiter {n}: set")

# ... later:
event.set()          # wakes every waiter
await event.wait()   # the flag stays set: returns at once
