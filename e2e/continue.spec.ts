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
  const stoppedAt = (await app.position()).step;

  await page.getByTestId('continue-run').click();
  await expect(page.getByTestId('stop')).toBeDisabled({ timeout: 30_000 });
  // Lands where the first run stopped, with the same output so far; the rest follows.
  expect((await app.position()).step).toBe(stoppedAt);
  expect(await app.consoleLines()).toEqual(before);
  await app.press('End');
  expect((await app.consoleLines()).at(-1)).toBe('day 28');
});
