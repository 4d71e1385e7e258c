import { expect, test } from '@playwright/test';
import { App } from './app';

// A program that never ends: one day of virtual time per turn. The default budget stops
// it at 7 days; "Continue" runs it again with four times the budget.
const FOREVER = `import asyncio


async def main():
    day = 0
    while True:
        await asyncio.sleep(24 * 3600)
        day += 1
        print("day", day)


asyncio.run(main())
`;

test('a run stopped at a limit continues with a larger budget, from where it stopped', async ({ page }) => {
  const app = new App(page);
  await app.open(FOREVER);
  await app.run();
  await expect(page.getByTestId('run-outcome')).toHaveAttribute('data-status', 'limit');
  await app.press('End');
  const before = await app.consoleLines();
  expect(before.at(-1)).toBe('day 7');
  await expect(page.getByTestId('running-now')).toHaveText('nothing — the run was stopped here');
  const stoppedAt = (await app.position()).step;

  await page.getByTestId('continue-run').click();
  await expect(page.getByTestId('stop')).toBeDisabled({ timeout: 30_000 });
  // Lands where the first run stopped, with the same output so far; the rest follows.
  expect((await app.position()).step).toBe(stoppedAt);
  expect(await app.consoleLines()).toEqual(before);
  await app.press('End');
  expect((await app.consoleLines()).at(-1)).toBe('day 28');
});

// A loop left running in a thread that is not a daemon: the program never ends, whatever
// the budget, so the engine stops it and there is nothing to continue.
const LOOP_THREAD = `import asyncio
import threading

loop = asyncio.new_event_loop()
threading.Thread(target=loop.run_forever).start()
loop.call_soon_threadsafe(print, "posted")
`;

test('a run the engine stopped because it would never end is stuck, with no Continue', async ({ page }) => {
  const app = new App(page);
  await app.open(LOOP_THREAD);
  await app.run();
  const outcome = page.getByTestId('run-outcome');
  await expect(outcome).toHaveAttribute('data-status', 'limit');
  await expect(outcome).toContainText('⚠ stuck');
  await expect(page.getByTestId('continue-run')).toHaveCount(0);
  await app.press('End');
  await expect(page.getByTestId('narration')).toContainText('runs loop.run_forever() and nothing will ever stop it');
  expect(await app.consoleLines()).toEqual(['posted']);
  await expect(page.locator('.timeline-panel .panel-note')).toHaveText(/^no tasks, 1 thread ·/);
});
