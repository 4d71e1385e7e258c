import asyncio

import aiohttp

URLS = [f"https://books.example.com/page/{n}" for n in range(1, 9)]
in_flight = 0


async def fetch(session, limit, url):
    global in_flight
    async with limit:  # at most three requests in flight
        in_flight += 1
        print(f"GET {url} ({in_flight} in flight)")
        async with session.get(url) as response:
            body = await response.text()
        in_flight -= 1
        return url, response.status, len(body) > 0


async def main():
    limit = asyncio.Semaphore(3)
    async with aiohttp.ClientSession() as session:
        pages = await asyncio.gather(*(fetch(session, limit, url) for url in URLS))
    for url, status, has_body in pages:
        print(status, url, "has a body:", has_body)


asyncio.run(main())
