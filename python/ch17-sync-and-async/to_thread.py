# Not from the workshop: sync code on a worker thread, calling back into the loop.
async def fetch_price(item):
    await asyncio.sleep(0.1)  # the network, say
    logging.info(f"{item}: {10 * len(item)}")
    return 10 * len(item)


def total_price(loop, items):
    # Sync code: it hands each coroutine to the loop, and waits for its result.
    logging.info(f"summing {items}")
    return sum(asyncio.run_coroutine_threadsafe(fetch_price(item), loop).result()
               for item in items)


total = await asyncio.to_thread(total_price, loop, ["apple", "pear"])
logging.info(f"total: {total}")

total = await loop.run_in_executor(None, total_price, loop, ["fig", "kiwi"])
logging.info(f"total: {total}")
