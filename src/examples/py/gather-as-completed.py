import asyncio


async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    print(f"  {name} arrived after {seconds} s")
    return name


async def main():
    print("gather: results come back in the order you asked")
    pages = await asyncio.gather(fetch("slow", 3), fetch("fast", 1), fetch("medium", 2))
    print("gather gave", pages)

    print("as_completed: results come back in the order they finish")
    jobs = [fetch("slow", 3), fetch("fast", 1), fetch("medium", 2)]
    for next_done in asyncio.as_completed(jobs):
        print("as_completed gave", await next_done)


asyncio.run(main())
