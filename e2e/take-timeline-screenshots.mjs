#!/usr/bin/env node
// Screenshots of the timeline at a mid-run step, for the README and for looking at:
// docs/screenshots/timeline-<case>-<w>x<h>.png. Point it at a served build:
//
//   node e2e/take-timeline-screenshots.mjs [http://127.0.0.1:4173/]
import { mkdirSync, readFileSync } from 'node:fs';
import { launchChromium } from '../scripts/chromium.mjs';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/';
const out = new URL('../docs/screenshots/', import.meta.url);
const link = (source) => `${url}#code=${Buffer.from(source, 'utf8').toString('base64url')}`;

// Five tasks (three sleeps overlap, one blocks the loop with time.sleep) and 500 tasks.
const FIVE = `import asyncio
import time


async def brew(drink, seconds):
    print(f"start {drink}")
    await asyncio.sleep(seconds)
    if drink == "latte":
        time.sleep(0.5)  # blocks the whole loop
    print(f"{drink} ready")
    return drink


async def main():
    orders = await asyncio.gather(brew("espresso", 1), brew("latte", 2), brew("tea", 3))
    queue = asyncio.Queue()
    waiter = asyncio.create_task(queue.get())
    await asyncio.sleep(0.5)
    queue.put_nowait("done")
    print(orders, await waiter)


asyncio.run(main())
`;
const MANY = `import asyncio


async def worker(n):
    await asyncio.sleep(n % 7 * 0.1)
    await asyncio.sleep(0.05)
    return n


async def main():
    await asyncio.gather(*(worker(n) for n in range(500)))


asyncio.run(main())
`;
// An event loop in a thread, fed from the main thread: its tasks' lanes sit under it
// (the program the timeline's model test records).
const THREAD_LOOP = readFileSync(new URL('../src/model/fixtures/thread-loop.py', import.meta.url), 'utf8');
// run_in_executor on two workers (a third job waits for a free one) and to_thread.
const EXECUTOR = readFileSync(new URL('../src/engine/fixtures/40_run_in_executor_workers.py', import.meta.url), 'utf8');
// ONLY=<name> takes one case's screenshots.
const CASES = [
  { name: 'five', source: FIVE, sizes: [[1280, 800], [1920, 1080]], step: 0.55 },
  { name: 'many', source: MANY, sizes: [[1280, 800]], step: 0.4 },
  { name: 'thread-loop', source: THREAD_LOOP, sizes: [[1280, 800]], step: 0.55 },
  { name: 'threads', source: EXECUTOR, sizes: [[1280, 800]], step: 0.2 },
].filter(({ name }) => !process.env.ONLY || name === process.env.ONLY);

mkdirSync(out, { recursive: true });
const browser = await launchChromium();
try {
  for (const { name, source, sizes, step } of CASES) {
    for (const [width, height] of sizes) {
      const page = await browser.newPage({ viewport: { width, height } });
      await page.goto(link(source));
      await page.getByTestId('engine-status').filter({ hasText: 'ready' }).waitFor({ timeout: 60_000 });
      await page.getByTestId('run').click();
      await page.getByTestId('stop').and(page.locator(':disabled')).waitFor({ timeout: 60_000 });
      // Mid-run: click the timeline a little past half way.
      const plot = page.getByTestId('timeline');
      const box = await plot.boundingBox();
      await page.mouse.click(box.x + box.width * step, box.y + box.height * 0.6);
      await page.mouse.move(box.x + box.width * step + 30, box.y + 60);
      await page.waitForTimeout(600);
      const file = new URL(`timeline-${name}-${width}x${height}.png`, out).pathname;
      await page.screenshot({ path: file });
      console.log(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
}
