# Not run: a sketch; fetch_page is not defined
# For comparison (not in the workshop): an async generator of pages
async def pages():
    number = 0
    while (page := await fetch_page(number)) is not None:
        yield page
        number += 1

async for page in pages():
    logging.info(f"got {page}")
