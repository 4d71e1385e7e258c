import asyncio


async def divide(a, b):
    await asyncio.sleep(b if b else 0.5)
    return a / b


async def main():
    results = await asyncio.gather(divide(6, 3), divide(1, 0), divide(8, 2), return_exceptions=True)
    print("return_exceptions=True:", results)

    try:
        await asyncio.gather(divide(6, 3), divide(1, 0), divide(8, 2))
    except ZeroDivisionError as error:
        print("without it, gather raises the first error:", repr(error))
    # The other two were not cancelled: they are still running.
    await asyncio.sleep(3)
    print("done")


asyncio.run(main())
