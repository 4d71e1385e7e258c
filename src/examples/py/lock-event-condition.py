import asyncio

balance = 100


async def withdraw(lock, who, amount):
    global balance
    async with lock:
        current = balance
        await asyncio.sleep(0.1)  # another task would run here without the lock
        balance = current - amount
        print(f"{who} took {amount}, balance {balance}")


async def runner(start_signal, name):
    await start_signal.wait()
    print(f"{name} runs")


async def diner(kitchen, name, plates):
    async with kitchen:
        await kitchen.wait_for(lambda: plates)
        print(f"{name} eats {plates.pop()}")


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(withdraw(lock, "ann", 30), withdraw(lock, "bo", 50))

    start_signal = asyncio.Event()
    runners = [asyncio.create_task(runner(start_signal, n)) for n in ("ann", "bo")]
    await asyncio.sleep(1)
    print("ready, steady… go!")
    start_signal.set()
    await asyncio.gather(*runners)

    kitchen = asyncio.Condition()
    plates = []
    diners = [asyncio.create_task(diner(kitchen, n, plates)) for n in ("ann", "bo")]
    for dish in ("soup", "pie"):
        await asyncio.sleep(1)
        async with kitchen:
            plates.append(dish)
            kitchen.notify()
    await asyncio.gather(*diners)


asyncio.run(main())
