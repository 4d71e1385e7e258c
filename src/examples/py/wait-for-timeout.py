import asyncio


async def slow_answer():
    try:
        await asyncio.sleep(5)
        return 42
    except asyncio.CancelledError:
        print("slow_answer was cancelled by the timeout")
        raise


async def main():
    try:
        answer = await asyncio.wait_for(slow_answer(), timeout=2)
        print("answer", answer)
    except TimeoutError:
        print("wait_for gave up after 2 s")

    print("an answer within 10 s:", await asyncio.wait_for(slow_answer(), timeout=10))

    try:
        async with asyncio.timeout(1):
            await slow_answer()
    except TimeoutError:
        print("asyncio.timeout gave up after 1 s")


asyncio.run(main())
