import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { App, fixture } from './app';

const program = fixture('gather3.py');

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not on screen');
  return found;
}

/** Presses the mouse on a bar's middle, moves it by (dx, dy) and lets go. */
async function drag(page: Page, bar: Locator, dx: number, dy: number): Promise<void> {
  const { x, y, width, height } = await box(bar);
  await page.mouse.move(x + width / 2, y + height / 2);
  await page.mouse.down();
  await page.mouse.move(x + width / 2 + dx, y + height / 2 + dy, { steps: 6 });
  await page.mouse.up();
}

test('dragging the bar beside the editor widens it, and Monaco follows', async ({ page }) => {
  const app = new App(page);
  await app.open(program);
  const editor = page.getByTestId('pane-editor');
  const side = page.getByTestId('pane-side');
  await expect(page.locator('.monaco-editor')).toBeVisible();
  const before = { editor: (await box(editor)).width, side: (await box(side)).width };

  await drag(page, page.getByTestId('between-editor'), 150, 0);

  const after = { editor: (await box(editor)).width, side: (await box(side)).width };
  expect(after.editor - before.editor).toBeGreaterThan(140);
  expect(after.editor - before.editor).toBeLessThan(160);
  expect(before.side - after.side).toBeGreaterThan(140);
  // Monaco re-lays itself out to its new host.
  await expect.poll(async () => Math.abs((await box(page.locator('.monaco-editor'))).width - (await box(page.getByTestId('editor'))).width))
    .toBeLessThan(2);
});

test('the console folds to its header and unfolds to its size with its button', async ({ page }) => {
  const app = new App(page);
  await app.open(program);
  await app.run();
  await app.press('End');
  const pane = page.getByTestId('pane-console');
  const fold = page.getByTestId('fold-console');
  const open = (await box(pane)).height;
  const loopBefore = (await box(page.getByTestId('pane-state'))).height;
  await expect(fold).toHaveAttribute('aria-expanded', 'true');

  await fold.click();
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('console')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Console' })).toBeVisible();
  const folded = (await box(pane)).height;
  expect(folded).toBeLessThan(60);
  // The loop and the tasks get the room.
  expect((await box(page.getByTestId('pane-state'))).height).toBeGreaterThan(loopBefore + open - folded - 5);

  await fold.click();
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('console')).toBeVisible();
  expect(Math.abs((await box(pane)).height - open)).toBeLessThan(3);
  expect(await app.consoleLines()).toContain("results: ['slow', 'fast', 'middle']");
});

test('sizes and folds survive a reload; Reset layout undoes them', async ({ page }) => {
  const app = new App(page);
  await app.open(program);
  const editor = page.getByTestId('pane-editor');
  const timeline = page.getByTestId('pane-timeline');
  const first = { editor: (await box(editor)).width, timeline: (await box(timeline)).height };
  await drag(page, page.getByTestId('between-editor'), -120, 0);
  await drag(page, page.getByTestId('between-timeline'), 0, -80);
  await page.getByTestId('fold-console').click();
  const moved = { editor: (await box(editor)).width, timeline: (await box(timeline)).height };
  expect(first.editor - moved.editor).toBeGreaterThan(100);
  expect(moved.timeline - first.timeline).toBeGreaterThan(60);

  await page.reload();
  await expect(page.getByTestId('engine-status')).toHaveText('ready', { timeout: 30_000 });
  expect(Math.abs((await box(editor)).width - moved.editor)).toBeLessThan(3);
  expect(Math.abs((await box(timeline)).height - moved.timeline)).toBeLessThan(3);
  await expect(page.getByTestId('fold-console')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('console')).toBeHidden();

  await page.getByTestId('shortcuts').click();
  await page.getByTestId('reset-layout').click();
  await app.press('Escape');
  expect(Math.abs((await box(editor)).width - first.editor)).toBeLessThan(3);
  expect(Math.abs((await box(timeline)).height - first.timeline)).toBeLessThan(3);
  await expect(page.getByTestId('fold-console')).toHaveAttribute('aria-expanded', 'true');
});

test('a focused bar moves with the arrow keys (not the program\'s step), and Enter folds', async ({ page }) => {
  const app = new App(page);
  await app.open(program);
  await app.run();
  const step = (await app.position()).step;
  const bar = page.getByTestId('between-tasks');
  const loop = page.getByTestId('pane-loop');
  await expect(bar).toHaveAttribute('aria-label', 'Resize the event loop and the tasks');
  const before = (await box(loop)).width;
  const valueBefore = Number(await bar.getAttribute('aria-valuenow'));

  await bar.focus();
  await app.press('ArrowRight', 2);
  const wider = (await box(loop)).width;
  expect(wider - before).toBeGreaterThan(30);
  expect(Number(await bar.getAttribute('aria-valuenow'))).toBeCloseTo(valueBefore + 10, 0);
  await app.press('ArrowLeft');
  expect((await box(loop)).width).toBeLessThan(wider - 15);
  expect((await app.position()).step).toBe(step);

  await app.press('Enter');
  await expect(page.getByTestId('fold-loop')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('ready-queue')).toBeHidden();
});

test('presentation mode keeps its own sizes; the timeline canvas follows its pane', async ({ page }) => {
  const app = new App(page);
  await app.open(program);
  const editor = page.getByTestId('pane-editor');
  const normal = (await box(editor)).width;
  await page.getByTestId('fold-console').click();
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await app.press('p');
  await expect(page.getByTestId('pane-tasks')).toHaveCount(0);
  const presenting = (await box(editor)).width;
  expect(presenting).toBeGreaterThan(normal + 50);
  await drag(page, page.getByTestId('between-editor'), -100, 0);
  const dragged = (await box(editor)).width;
  expect(presenting - dragged).toBeGreaterThan(90);
  const plot = page.getByTestId('timeline');
  const plotBefore = (await box(plot)).height;
  await drag(page, page.getByTestId('between-timeline'), 0, -60);
  expect((await box(plot)).height - plotBefore).toBeGreaterThan(50);
  // The canvas is redrawn at the plot's new size, not stretched.
  await expect.poll(() => plot.evaluate((el) => {
    const canvas = el.querySelector('canvas')!;
    return Math.abs(canvas.height / devicePixelRatio - el.clientHeight);
  })).toBeLessThan(2);

  await app.press('p');
  expect(Math.abs((await box(editor)).width - normal)).toBeLessThan(3);
  await expect(page.getByTestId('fold-console')).toHaveAttribute('aria-expanded', 'false');
  await app.press('p');
  expect(Math.abs((await box(editor)).width - dragged)).toBeLessThan(3);
});

test('axe finds nothing serious with panels folded', async ({ page }) => {
  const app = new App(page);
  await app.open(program);
  await app.run();
  await page.getByTestId('fold-console').click();
  await page.getByTestId('fold-editor').click();
  await page.waitForTimeout(300);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
