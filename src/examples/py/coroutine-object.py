import asyncio


async def greet(name):
    print(f"hello, {name}")
    return len(name)


# Calling a coroutine function runs none of its body: it only builds an object.
job = greet("Ada")
print("job is a", type(job).__name__)
print("is it a coroutine?", asyncio.iscoroutine(job))

# The body runs only when an event loop drives the object.
result = asyncio.run(job)
print("asyncio.run gave back", result)

# A coroutine object that nobody runs does nothing, and Python warns about it.
greet("Bob")
print("the end")
