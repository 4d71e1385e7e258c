import asyncio
import time


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def one_after_another():
    start = time.perf_counter()
    await say_after(1, "hello")
    await say_after(2, "world")
    print(f"awaiting coroutines took {time.perf_counter() - start:.0f} s")


async def side_by_side():
    start = time.perf_counter()
    first = asyncio.create_task(say_after(1, "hello"))
    second = asyncio.create_task(say_after(2, "world"))
    await first
    await second
    print(f"awaiting tasks took {time.perf_counter() - start:.0f} s")


async def main():
    await one_after_another()
    await side_by_side()


asyncio.run(main())
