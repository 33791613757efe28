# Not run: the same cell as chapter 9's first, which runs there
# Workshop (Python)
async def fetch_quote_async(semaphore):
    async with semaphore:
        async with httpx.AsyncClient() as client:
            res = await client.get("https://kaamelott.chaudie.re/api/random")
        return res.json().get("citation", {}).get("citation")
