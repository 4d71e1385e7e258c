import { expect, test } from '@playwright/test';
import { App } from './app';

// The tutorials' Ctrl+C lesson: two tickers under asyncio.run, interrupted mid-run.
const TICKERS = `import asyncio


async def tick(name, every):
    try:
        for _ in range(4):
            await asyncio.sleep(every)
            print(name, "tick")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    await asyncio.gather(tick("a", 1), tick("b", 1.5))


try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("interrupted")
`;

test('Ctrl+C at a step runs again with KeyboardInterrupt at that virtual time', async ({ page }) => {
  const app = new App(page);
  await app.open(TICKERS);
  await expect(page.getByTestId('keyboard-interrupt')).toBeDisabled();
  await app.run();
  await app.press('End');
  expect((await app.consoleLines()).slice(0, 3)).toEqual(['a tick', 'b tick', 'a tick']);

  // Go to the step that printed "b tick" (t = 1.5) and press Ctrl+C there.
  await page.getByTestId('console-line').nth(1).locator('button.console-seek').click();
  await expect(page.getByTestId('clock')).toContainText('1.5');
  await page.getByTestId('keyboard-interrupt').click();
  await expect(page.getByTestId('stop')).toBeDisabled({ timeout: 30_000 });

  // The cursor lands where SIGINT reached the program, at that time; asyncio.run cancels
  // the main task, both tickers clean up, and the program catches KeyboardInterrupt.
  await expect(page.getByTestId('clock')).toContainText('1.5');
  expect(await app.consoleLines()).toEqual(['a tick']);
  await app.press('End');
  expect(await app.consoleLines()).toEqual(['a tick', 'a cancelled', 'b cancelled', 'interrupted']);
});
