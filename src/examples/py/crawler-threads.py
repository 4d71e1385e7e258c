import time
from concurrent.futures import ThreadPoolExecutor

import requests

URLS = [f"https://shop.example.com/item/{n}" for n in range(1, 7)]


def fetch(url):
    return requests.get(url).status_code, url


start = time.perf_counter()
with ThreadPoolExecutor(max_workers=3) as pool:
    for status, url in pool.map(fetch, URLS):
        print(status, url)
print(f"{len(URLS)} pages, three threads: {time.perf_counter() - start:.1f} s")
