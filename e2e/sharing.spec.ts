import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { App, fixture } from './app';

// Each test loads Python in one or two pages; a loaded machine needs more than the default minute.
test.describe.configure({ timeout: 120_000 });

const program = fixture('gather3.py');
const BIN = new URL('../bin/loopscope.mjs', import.meta.url).pathname;

/** Waits until a link's run has ended and the cursor sits on `step`. */
async function landedOn(page: Page, step: number): Promise<void> {
  // The cursor moves to a link's step only once its run has ended.
  await expect(page.getByTestId('step-count')).toContainText(new RegExp(`step ${step} / \\d+`), { timeout: 30_000 });
}

test('Share at step 60: the link opens the same program at the same step, every panel alike, in a fresh browser', async ({ page, browser }) => {
  const app = new App(page);
  await app.open(program);
  await app.run();
  await app.walk('ArrowRight', 60);
  // The granularity travels in the link too.
  await page.getByTestId('granularity').selectOption('callback');
  const here = await app.panels();
  const step = (await app.position()).step;
  expect(step).toBe(60);
  expect(here.console.length).toBeGreaterThan(0);

  await page.getByTestId('share').click();
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toMatch(new RegExp(`/#v=1&z=[\\w-]+&step=${step}$`));
  expect(url.length).toBeLessThan(1500);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await landedOn(other, step);
  const there = new App(other);
  expect(await there.panels()).toEqual(here);
  await expect(other.getByTestId('editor')).toContainText('fetch("middle", 0.2)');
  await expect(other.getByTestId('granularity')).toHaveValue('callback');
  // Stepping on from there works as it does here.
  await other.locator('body').click({ position: { x: 2, y: 2 } });
  await there.press('ArrowRight');
  await app.press('ArrowRight');
  expect(await there.panels()).toEqual(await app.panels());
  await fresh.close();
});

test('a link made by `loopscope link --step 5` opens at step 5, and the editor\'s own text stays one click away', async ({ page, baseURL }) => {
  const made = spawnSync(process.execPath, [BIN, 'link', '-', '--step', '5', '--base', `${baseURL}/`], { input: program, encoding: 'utf8' });
  expect(made.status).toBe(0);
  const app = new App(page);
  await app.open('print("my own lesson")\n');
  await page.goto(made.stdout.trim());
  await landedOn(page, 5);
  await expect(page.getByTestId('editor')).toContainText('asyncio.gather');
  await expect(page.getByTestId('link-notice')).toContainText('Your own text is kept');
  await page.getByTestId('restore-previous').click();
  await expect(page.getByTestId('editor')).toContainText('my own lesson');
});

test('a corrupted link says what is wrong, and the app still runs a program', async ({ page }) => {
  const app = new App(page);
  const made = spawnSync(process.execPath, [BIN, 'link', '-', '--step', '5'], { input: program, encoding: 'utf8' });
  const hash = made.stdout.trim().split('#')[1];
  // Cut short, as a chat client might.
  await page.goto(`/#${hash.slice(0, 40)}`);
  await expect(page.getByTestId('link-notice')).toContainText(/damaged/);
  await expect(page.getByTestId('link-notice')).toHaveAttribute('role', 'alert');
  await expect(page.getByTestId('engine-status')).toHaveText('ready', { timeout: 30_000 });
  await app.run();
  await app.press('End');
  await expect(page.getByTestId('narration')).toHaveText(/finished/);
  expect((await app.consoleLines()).length).toBeGreaterThan(0);

  // Hostile text never becomes markup: a script in a link's step is shown, not run.
  await page.goto('/#v=<img src=x onerror=alert(1)>&z=AAAA');
  await expect(page.getByTestId('link-notice')).toContainText('<img src=x');
  await expect(page.locator('.link-notice img')).toHaveCount(0);
});

test('an embed for a slide: read-only program, loop and timeline, stepping kept to steps 3–9', async ({ page }) => {
  const made = spawnSync(process.execPath, [BIN, 'link', '-'], { input: program, encoding: 'utf8' });
  const hash = made.stdout.trim().split('#')[1];
  await page.setViewportSize({ width: 800, height: 450 });
  await page.goto(`/?embed=1&start=3&end=9#${hash}`);
  await landedOn(page, 3);
  await expect(page.getByTestId('task-card')).toHaveCount(0);
  await expect(page.getByTestId('timeline')).toBeVisible();
  await expect(page.getByTestId('ready-queue')).toBeVisible();
  await page.locator('body').click({ position: { x: 400, y: 2 } });
  await page.keyboard.press('End');
  await expect(page.getByTestId('step-count')).toContainText('step 9 /');
  await expect(page.getByTestId('step-forward')).toBeDisabled();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('step-count')).toContainText('step 3 /');
  await expect(page.getByTestId('step-back')).toBeDisabled();
  // No page-wide horizontal scroll inside the iframe's size.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);

  await page.goto(`/?embed=1&editor=0#${hash}`);
  await expect(page.getByTestId('step-count')).toContainText(/step 0 \/ [1-9]/, { timeout: 30_000 });
  await expect(page.getByTestId('editor')).toHaveCount(0);
});

test('a saved trace replays in a fresh browser without running, and exports open in Perfetto\'s format', async ({ page, browser }) => {
  const app = new App(page);
  await app.open(program);
  await app.run();
  await page.getByTestId('export').click();
  const saving = page.waitForEvent('download');
  await page.getByTestId('export-trace-json').click();
  const traceFile = await (await saving).path();
  const perfettoSaving = page.waitForEvent('download');
  await page.getByTestId('export-trace-perfetto').click();
  const perfetto = JSON.parse(readFileSync(await (await perfettoSaving).path(), 'utf8'));
  expect(perfetto.traceEvents.filter((ev: { ph: string }) => ev.ph === 'M').map((ev: { args: { name?: string } }) => ev.args.name))
    .toEqual(expect.arrayContaining(['event loop', 'Task-1 main']));
  await app.press('End');
  const atEnd = await app.panels();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const there = new App(other);
  await there.open();
  await other.getByTestId('export').click();
  await other.getByTestId('import-file').setInputFiles(traceFile);
  await expect(other.getByTestId('link-notice')).toContainText('replays without running');
  await other.locator('body').click({ position: { x: 2, y: 2 } });
  await there.press('End');
  expect(await there.panels()).toEqual(atEnd);
  await fresh.close();
});
