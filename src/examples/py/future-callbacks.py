import asyncio


def announce(future):
    print("callback: the future holds", future.result())


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    future.add_done_callback(announce)
    print("done yet?", future.done())

    # Someone else fills the future in two seconds.
    loop.call_later(2, future.set_result, "the parcel")
    value = await future
    print("await gave", value)
    print("done yet?", future.done())


asyncio.run(main())
