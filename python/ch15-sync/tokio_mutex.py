# Not run: a sketch; approve is not defined
# For comparison (not from the workshop)
lock = asyncio.Lock()

async def withdraw(account, who, amount):
    async with lock:
        if account["balance"] >= amount and await approve(amount):
            account["balance"] -= amount
