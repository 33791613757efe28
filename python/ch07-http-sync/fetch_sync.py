# Workshop (Python)
def fetch_quote():
    res = httpx.get("https://kaamelott.chaudie.re/api/random")
    return res.json().get("citation", {}).get("citation")

with Timer():
    for _ in range(10):
        print(fetch_quote())
