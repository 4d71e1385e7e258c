import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { App, fixture } from './app';

const program = fixture('gather3.py');

/** axe's serious and critical findings, each as "rule: selectors" so a failure says where. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

test('P toggles presentation mode; PageDown and PageUp step; the side panels and chrome go', async ({ page }) => {
  const app = new App(page);
  await app.open(program);
  await app.run();
  const root = page.locator('.app');
  await expect(root).not.toHaveClass(/presentation/);

  await app.press('p');
  await expect(root).toHaveClass(/presentation/);
  await expect(page.getByTestId('presentation')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('running-now')).toBeVisible();
  await expect(page.getByTestId('timeline')).toBeVisible();
  await expect(page.locator('.task-panel')).toBeHidden();
  await expect(page.locator('.console-panel')).toBeHidden();
  await expect(page.getByTestId('share')).toBeHidden();
  // The narration is bigger than the page's ordinary type.
  const sizes = await page.evaluate(() => ({
    narration: parseFloat(getComputedStyle(document.querySelector('[data-testid="narration"]')!).fontSize),
    body: parseFloat(getComputedStyle(document.body).fontSize),
  }));
  expect(sizes.narration).toBeGreaterThan(sizes.body * 1.2);

  const before = (await app.position()).step;
  await app.press('PageDown', 3);
  expect((await app.position()).step).toBe(before + 3);
  await expect(page.getByTestId('narration')).not.toHaveText(/Press Run/);
  await app.press('PageUp');
  expect((await app.position()).step).toBe(before + 2);
  // The panels under the narration stay put while its sentences wrap to one line or two.
  const editorTops = new Set<number>();
  const lineCounts = new Set<number>();
  for (let i = 0; i < 25; i++) {
    await app.press('PageDown');
    editorTops.add(Math.round((await page.getByTestId('editor').boundingBox())!.y));
    lineCounts.add(await page.getByTestId('narration').evaluate((p) =>
      Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight))));
  }
  expect([...lineCounts].sort()).toEqual([1, 2]);
  expect([...editorTops]).toHaveLength(1);

  await app.press('P');
  await expect(root).not.toHaveClass(/presentation/);
  await expect(page.locator('.task-panel')).toBeVisible();
  // The button does the same.
  await page.getByTestId('presentation').click();
  await expect(root).toHaveClass(/presentation/);
});

test('? opens the shortcut sheet, focus stays inside it, Esc closes it', async ({ page }) => {
  const app = new App(page);
  await app.open(program);
  await app.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('PageDown');
  for (let i = 0; i < 4; i++) {
    await app.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null
      || document.activeElement === document.body)).toBe(true);
  }
  // Stepping keys do nothing while it is open.
  await app.press('p');
  await expect(page.locator('.app')).not.toHaveClass(/presentation/);
  await app.press('Escape');
  await expect(sheet).toBeHidden();
});

test('the narration is a polite live region that changes with each step', async ({ page }) => {
  const app = new App(page);
  await app.open(program);
  await app.run();
  const narration = page.getByTestId('narration');
  await expect(narration).toHaveAttribute('aria-live', 'polite');
  await app.press('ArrowRight');
  const first = await narration.innerText();
  await app.press('ArrowRight');
  await expect(narration).not.toHaveText(first);
});

test('the theme follows the system, and the switch overrides it and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const app = new App(page);
  await app.open(program);
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  expect(await theme()).toBe('dark');
  await page.getByTestId('theme').selectOption('light');
  expect(await theme()).toBe('light');
  await page.reload();
  await expect(page.getByTestId('theme')).toHaveValue('light');
  expect(await theme()).toBe('light');
});

test('axe finds no serious or critical violations mid-trace, in presentation mode, in dark', async ({ page }) => {
  const app = new App(page);
  await app.open(program);
  await app.run();
  await app.press('ArrowRight', 25);
  // The queue animations settle first: axe reads colours mid-fade otherwise.
  await page.waitForTimeout(400);
  expect(await seriousViolations(page), 'main screen').toEqual([]);

  await app.press('p');
  await page.waitForTimeout(400);
  expect(await seriousViolations(page), 'presentation mode').toEqual([]);

  await app.press('p');
  await page.getByTestId('theme').selectOption('dark');
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.waitForTimeout(400);
  expect(await seriousViolations(page), 'dark theme').toEqual([]);
});
