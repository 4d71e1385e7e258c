import asyncio


async def brew(drink, seconds):
    print(f"start {drink}")
    await asyncio.sleep(seconds)
    print(f"{drink} ready after {seconds}s")
    return drink


async def main():
    orders = await asyncio.gather(
        brew("espresso", 1),
        brew("latte", 3),
        brew("tea", 2),
    )
    print("served:", orders)


asyncio.run(main())
