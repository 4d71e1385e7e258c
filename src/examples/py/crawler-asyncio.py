import asyncio
import time

import aiohttp

URLS = [f"https://shop.example.com/item/{n}" for n in range(1, 7)]


async def fetch(session, url):
    async with session.get(url) as response:
        await response.text()
        return response.status, url


async def main():
    start = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        for status, url in await asyncio.gather(*(fetch(session, u) for u in URLS)):
            print(status, url)
    print(f"{len(URLS)} pages, one thread, one loop: {time.perf_counter() - start:.1f} s")


asyncio.run(main())
