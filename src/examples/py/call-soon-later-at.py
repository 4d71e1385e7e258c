import asyncio


def note(label):
    loop = asyncio.get_running_loop()
    print(f"t={loop.time() - start:.1f}: {label}")


async def main():
    global start
    loop = asyncio.get_running_loop()
    start = loop.time()
    loop.call_later(2, note, "call_later(2)")
    loop.call_at(start + 1, note, "call_at(start + 1)")
    loop.call_soon(note, "call_soon first")
    loop.call_soon(note, "call_soon second")
    loop.call_later(0, note, "call_later(0)")
    print("main has scheduled five callbacks; none has run yet")
    await asyncio.sleep(3)


asyncio.run(main())
