import asyncio


async def ask(question):
    await asyncio.sleep(1)
    return f"answer to {question}"


# The old way: make a loop yourself, drive one coroutine, close the loop.
loop = asyncio.new_event_loop()
print("old style:", loop.run_until_complete(ask("one")))
print("old style:", loop.run_until_complete(ask("two")))
loop.close()
print("loop closed?", loop.is_closed())


# The modern way: asyncio.run makes a fresh loop, runs main to the end, then closes it.
async def main():
    running = asyncio.get_running_loop()
    print("inside main, a new loop?", running is not loop)
    return await ask("three")


print("new style:", asyncio.run(main()))
