# Not from the workshop: a sync API over async code, one event loop kept for every call.
import asyncio


async def fetch_price(item):
    print(f"asking for {item}")
    await asyncio.sleep(0.1)  # the network, say
    price = 10 * len(item)
    print(f"{item}: {price}")
    return price


class PriceClient:
    def __init__(self):
        self.runner = asyncio.Runner()  # one event loop, kept (Python 3.11)

    def price(self, item):
        return self.runner.run(fetch_price(item))

    def prices(self, items):
        async def gather():
            return await asyncio.gather(*(fetch_price(item) for item in items))

        return self.runner.run(gather())

    def close(self):
        self.runner.close()


client = PriceClient()
total = client.price("apple") + client.price("pear")
print(f"apple + pear = {total}")
print(f"fig, kiwi, melon = {client.prices(['fig', 'kiwi', 'melon'])}")
client.close()
