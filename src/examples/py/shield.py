import asyncio


async def save_to_disk():
    print("saving starts")
    await asyncio.sleep(3)
    print("saving finished")
    return "saved"


async def main():
    saving = asyncio.create_task(save_to_disk())
    try:
        await asyncio.wait_for(asyncio.shield(saving), timeout=1)
    except TimeoutError:
        print("main stopped waiting after 1 s")
    print("is the save cancelled?", saving.cancelled())
    print("result:", await saving)


asyncio.run(main())
