import asyncio


async def cook(dish, seconds, burns=False):
    try:
        await asyncio.sleep(seconds)
        if burns:
            raise ValueError(f"{dish} burned")
        print(f"{dish} is ready")
        return dish
    except asyncio.CancelledError:
        print(f"{dish} was taken off the stove")
        raise


async def main():
    async with asyncio.TaskGroup() as group:
        soup = group.create_task(cook("soup", 1))
        bread = group.create_task(cook("bread", 2))
    print("both done:", soup.result(), bread.result())

    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(cook("rice", 3))
            group.create_task(cook("toast", 1, burns=True))
    except* ValueError as group_error:
        print("the group failed:", [str(e) for e in group_error.exceptions])


asyncio.run(main())
