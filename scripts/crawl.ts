// The benchmark program `npm run bench` and `npm run bench:ab` time.

// A crawler's shape without a network: 10,000 fetches, at most 100 at a time.
export const CRAWL = `
import asyncio, random

async def fetch(sem, i):
    async with sem:
        await asyncio.sleep(random.uniform(0.05, 0.3))
        return i

async def main():
    sem = asyncio.Semaphore(100)
    pages = await asyncio.gather(*(fetch(sem, i) for i in range(10_000)))
    print(len(pages), "pages")

asyncio.run(main())
`;

