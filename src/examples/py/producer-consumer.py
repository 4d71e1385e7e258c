import asyncio


async def baker(shelf):
    for n in range(1, 5):
        await asyncio.sleep(1)
        await shelf.put(f"loaf {n}")
        print(f"baker puts loaf {n} on the shelf ({shelf.qsize()} there)")
    await shelf.put(None)


async def customer(shelf):
    while True:
        loaf = await shelf.get()
        if loaf is None:
            break
        print(f"customer takes {loaf}")
        await asyncio.sleep(2)
    print("customer goes home")


async def main():
    shelf = asyncio.Queue(maxsize=2)
    await asyncio.gather(baker(shelf), customer(shelf))


asyncio.run(main())
