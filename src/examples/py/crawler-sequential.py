import time

import requests

URLS = [f"https://shop.example.com/item/{n}" for n in range(1, 7)]

start = time.perf_counter()
for url in URLS:
    response = requests.get(url)  # waits for each reply before asking for the next
    print(response.status_code, url)
print(f"{len(URLS)} pages, one after another: {time.perf_counter() - start:.1f} s")
