# Workshop (Python)
async def fetch_quote_async():
    async with httpx.AsyncClient() as client:
        res = await client.get("https://kaamelott.chaudie.re/api/random")
    return res.json().get("citation", {}).get("citation")
