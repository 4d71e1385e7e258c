import asyncio


async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    return name


def names(tasks):
    return sorted(task.get_name() for task in tasks)


def start_three():
    return [
        asyncio.create_task(fetch("slow", 3), name="slow"),
        asyncio.create_task(fetch("fast", 1), name="fast"),
        asyncio.create_task(fetch("medium", 2), name="medium"),
    ]


async def main():
    tasks = start_three()
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("FIRST_COMPLETED: done", names(done), "pending", names(pending))
    for task in pending:
        task.cancel()

    tasks = start_three()
    done, pending = await asyncio.wait(tasks, timeout=2.5)
    print("timeout=2.5: done", names(done), "pending", names(pending))
    await asyncio.wait(pending)

    tasks = start_three()
    done, pending = await asyncio.wait(tasks, return_when=asyncio.ALL_COMPLETED)
    print("ALL_COMPLETED: done", names(done), "pending", names(pending))
    print("results:", [task.result() for task in tasks])


asyncio.run(main())
