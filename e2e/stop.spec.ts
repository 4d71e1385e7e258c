import { expect, test } from '@playwright/test';
import { App } from './app';

// A busy loop that never ends: Stop must end it quickly and keep the page usable. Each
// turn blocks for a moment (time.sleep), so the engine's own guard, which stops code
// that computes for 700 ms without a pause, leaves it to the Stop button.
const BUSY = 'import time\nwhile True:\n    total = sum(range(200000))\n    time.sleep(0.001)\n';

test('Stop ends a program that never ends, keeps its trace, and the next run works', async ({ page }) => {
  const app = new App(page);
  await app.open(BUSY);
  await page.getByTestId('run').click();
  await expect(page.getByTestId('stop')).toBeEnabled();
  await page.waitForTimeout(300);
  const stopped = Date.now();
  await page.getByTestId('stop').click();
  await expect(page.getByTestId('engine-status')).toHaveText('ready', { timeout: 5_000 });
  expect(Date.now() - stopped).toBeLessThan(3_000);
  await expect(page.locator('header.app-header')).toContainText('stopped');
  expect((await app.position()).total).toBeGreaterThan(0);

  // The same page, and the same Python, runs the next program typed into the editor.
  await page.getByTestId('editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('print("after stop")');
  await app.run();
  await app.press('End');
  expect(await app.consoleLines()).toEqual(['after stop']);
});
