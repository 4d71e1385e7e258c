// The screenshot scripts' shared start: the default example, run and stepped to a step,
// in a fresh page of the given size.
// Step 52 of the cafe example: the espresso task prints at t=1 while two timers wait.
export const STEP = 52;

export async function openAtStep(browser, url, width, height, { scale = 1, colorScheme = 'light' } = {}) {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: scale, colorScheme });
  await page.goto(url);
  await page.getByTestId('engine-status').filter({ hasText: 'ready' }).waitFor({ timeout: 60_000 });
  await page.getByTestId('run').click();
  await page.getByTestId('stop').and(page.locator(':disabled')).waitFor({ timeout: 60_000 });
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  for (let i = 0; i < STEP; i++) await page.keyboard.press('ArrowRight');
  return page;
}
