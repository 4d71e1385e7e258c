import { expect, test } from '@playwright/test';
import { App } from './app';

test('the editor\'s few MB are fetched only after the page\'s first contentful paint', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await expect(page.getByTestId('editor')).toBeVisible({ timeout: 30_000 });
  const timings = await page.evaluate(() => ({
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    monaco: performance.getEntriesByType('resource')
      .filter((r) => /\/monaco-[^/]*\.js$/.test(new URL(r.name).pathname))
      .map((r) => r.startTime),
  }));
  expect(timings.paint).toBeGreaterThan(0);
  expect(timings.monaco).toHaveLength(1);
  expect(timings.monaco[0]).toBeGreaterThan(timings.paint!);
});
