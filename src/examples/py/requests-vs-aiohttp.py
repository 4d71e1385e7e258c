import asyncio
import time

import aiohttp
import requests

URLS = [f"https://weather.example.com/city/{n}" for n in range(1, 5)]


async def with_requests(url):
    response = requests.get(url)  # a blocking call: the loop waits for it
    return response.status_code


async def with_aiohttp(session, url):
    async with session.get(url) as response:  # awaits: other requests proceed
        await response.text()
        return response.status


async def main():
    start = time.perf_counter()
    codes = await asyncio.gather(*(with_requests(u) for u in URLS))
    requests_time = time.perf_counter() - start
    print("requests:", codes)

    start = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        codes = await asyncio.gather(*(with_aiohttp(session, u) for u in URLS))
    aiohttp_time = time.perf_counter() - start
    print("aiohttp:", codes)
    print("aiohttp was faster:", aiohttp_time < requests_time)


asyncio.run(main())
