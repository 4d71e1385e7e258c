import asyncio


async def worker(name):
    print(f"{name} starts")
    await asyncio.sleep(1)
    print(f"{name} ends")
    return name.upper()


async def main():
    a = asyncio.create_task(worker("a"))
    b = asyncio.ensure_future(worker("b"))
    print("two tasks made; neither has started yet")
    print("ensure_future gave a Task?", isinstance(b, asyncio.Task))
    print("given a Task, ensure_future returns it:", asyncio.ensure_future(a) is a)
    await asyncio.sleep(0)
    print("after one yield to the loop, both have started")
    print("results:", await a, await b)


asyncio.run(main())
