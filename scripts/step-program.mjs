// The program whose steps `bench-step` and `bench-step-ab` time, and how they get it ready.
import { openProgram, traceLength } from './bench-probe.mjs';

// 25 workers × 40 sleeps with line events: about 10,400 trace events.
export const STEP_PROGRAM = `import asyncio


async def worker(n):
    total = 0
    for i in range(40):
        await asyncio.sleep(0.01 * (n % 5 + 1))
        total += i
    print(f"worker {n} total {total}")
    return total


async def main():
    results = await asyncio.gather(*(worker(n) for n in range(25)))
    print("sum", sum(results))


asyncio.run(main())
`;

/** The app at `url` with the program run to its end, Python ready again; returns the trace's length. */
export async function runStepProgram(page, url) {
  await openProgram(page, url, STEP_PROGRAM);
  await page.getByTestId('run').click();
  await page.getByTestId('stop').and(page.locator(':disabled')).waitFor({ timeout: 60_000 });
  await page.getByTestId('engine-status').filter({ hasText: 'ready' }).waitFor();
  return traceLength(page);
}
