import asyncio
import threading


async def square(n):
    await asyncio.sleep(1)
    return n * n


loop = asyncio.new_event_loop()
worker = threading.Thread(target=loop.run_forever, name="loop-thread")
worker.start()

# From the main thread, hand coroutines to the loop running in the other thread.
futures = [asyncio.run_coroutine_threadsafe(square(n), loop) for n in (2, 3)]
print("results:", [f.result() for f in futures])

loop.call_soon_threadsafe(loop.stop)
worker.join()
loop.close()
print("loop thread stopped")
