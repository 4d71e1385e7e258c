import asyncio
import time


def resize_photo(name):
    time.sleep(1)  # blocking work, done in a worker thread
    return f"{name} resized"


async def heartbeat():
    for n in range(2):
        print("loop is free, beat", n)
        await asyncio.sleep(0.4)


async def main():
    loop = asyncio.get_running_loop()
    start = time.perf_counter()
    results = await asyncio.gather(
        loop.run_in_executor(None, resize_photo, "cat.jpg"),
        asyncio.to_thread(resize_photo, "dog.jpg"),
        heartbeat(),
    )
    print(results[:2])
    print(f"took {time.perf_counter() - start:.0f} s")


asyncio.run(main())
