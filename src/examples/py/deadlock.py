import asyncio


async def waiter(orders):
    print("waiter waits for an order")
    order = await orders.get()  # nobody ever puts one: this waits forever
    print("serving", order)


async def main():
    orders = asyncio.Queue()
    await waiter(orders)


asyncio.run(main())
