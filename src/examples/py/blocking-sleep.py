import asyncio
import time


async def blocking_nap(name):
    print(f"{name} dozes off")
    time.sleep(1)  # blocks the whole loop: nobody else can run
    print(f"{name} wakes")


async def polite_nap(name):
    print(f"{name} dozes off")
    await asyncio.sleep(1)  # hands the loop to the others while waiting
    print(f"{name} wakes")


async def main():
    start = time.perf_counter()
    await asyncio.gather(*(blocking_nap(n) for n in ("ann", "bo", "cy")))
    print(f"time.sleep: {time.perf_counter() - start:.0f} s")

    start = time.perf_counter()
    await asyncio.gather(*(polite_nap(n) for n in ("ann", "bo", "cy")))
    print(f"asyncio.sleep: {time.perf_counter() - start:.0f} s")


asyncio.run(main())
