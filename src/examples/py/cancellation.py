import asyncio


async def download(name):
    print(f"{name}: opening connection")
    try:
        await asyncio.sleep(10)
        print(f"{name}: finished")
    except asyncio.CancelledError:
        print(f"{name}: cancelled, cleaning up")
        raise
    finally:
        print(f"{name}: connection closed")


async def main():
    task = asyncio.create_task(download("report.pdf"))
    await asyncio.sleep(1)
    task.cancel("user pressed stop")
    try:
        await task
    except asyncio.CancelledError:
        print("main saw the cancellation")
    print("task.cancelled():", task.cancelled())


asyncio.run(main())
