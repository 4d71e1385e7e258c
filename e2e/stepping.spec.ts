import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { App, fixture, type Panels } from './app';

const program = fixture('gather3.py');

// What CPython prints for e2e/fixtures/gather3.py, and the virtual time of each line.
const EXPECTED_OUTPUT = [
  'slow: start', 'fast: start', 'middle: start',
  'fast: done after 0.1', 'middle: done after 0.2', 'slow: done after 0.3',
  "results: ['slow', 'fast', 'middle']",
];
const PRINT_TIMES = ['0.000', '0.000', '0.000', '0.100', '0.200', '0.300', '0.300'];

test('the expected output is what CPython prints', () => {
  let cpython: string;
  try {
    cpython = execFileSync('python3', ['-c', program], { encoding: 'utf8', timeout: 10_000 });
  } catch {
    test.skip(true, 'no python3 on this machine');
    return;
  }
  expect(cpython.trimEnd().split('\n')).toEqual(EXPECTED_OUTPUT);
});

test('Run, End and Home: the whole output, every task done, then an empty console', async ({ page }) => {
  const app = new App(page);
  await app.open(program);
  await app.run();
  await app.press('End');
  expect(await app.consoleLines()).toEqual(EXPECTED_OUTPUT);
  const cards = page.getByTestId('task-card');
  await expect(cards).toHaveCount(4);
  for (const card of await cards.all()) await expect(card).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('task-card').and(page.locator('[data-task-name="Task-1"]'))).toContainText('main()');
  await expect(page.getByTestId('running-now')).toHaveText('nothing — the program has ended');

  await app.press('Home');
  await expect(page.getByTestId('console-line')).toHaveCount(0);
  await expect(page.getByTestId('clock')).toHaveText('0.000');
  expect((await app.position()).step).toBe(0);
});

test('stepping forward shows the sleeping timers and the clock of each print; stepping back restores every panel', async ({ page }) => {
  const app = new App(page);
  await app.open(program);
  await app.run();
  const { total } = await app.position();
  expect(total).toBeGreaterThan(50);

  const seen: Panels[] = [await app.panels(), ...await app.walk('ArrowRight', total)];
  seen.forEach((panels, step) => expect(panels.step).toContain(`step ${step} /`));
  for (let step = 1; step <= total; step++) {
    const printed = seen[step].console.length;
    if (printed > seen[step - 1].console.length) {
      // The step that printed a line: the clock reads that print's virtual time.
      expect(seen[step].clock, `clock when line ${printed} was printed`).toBe(PRINT_TIMES[printed - 1]);
    }
  }
  expect(seen.at(-1)?.console).toEqual(EXPECTED_OUTPUT);
  // While all three workers sleep, the heap holds their three timers, soonest first.
  const allAsleep = seen.find((x) => x.tasks.filter((t) => t.state === 'suspended').length === 4);
  expect(allAsleep?.timers).toBe(3);
  expect(allAsleep?.timerHeap).toMatch(/t=0\.1[\s\S]*t=0\.2[\s\S]*t=0\.3/);

  // Back down to the start: each step shows exactly what it showed on the way up.
  const back = await app.walk('ArrowLeft', total);
  back.forEach((panels, i) => expect(panels, `step ${total - 1 - i} after stepping back`).toEqual(seen[total - 1 - i]));
  // And with real keypresses, a few steps from the middle.
  await app.press('ArrowRight', 12);
  await app.press('ArrowLeft');
  expect(await app.panels()).toEqual(seen[11]);
});

test('buttons step by callback, and a #code= program survives a reload', async ({ page }) => {
  const app = new App(page);
  await app.open(program);
  await app.run();
  await page.getByTestId('granularity').selectOption('callback');
  await page.getByTestId('step-forward').click();
  await expect(page.getByTestId('running-now')).toHaveText('Task Task-1 step');
  await page.getByTestId('step-forward').click();
  await expect(page.getByTestId('running-now')).toHaveText('Task Task-2 step');
  await page.getByTestId('step-back').click();
  await expect(page.getByTestId('running-now')).toHaveText('Task Task-1 step');
  await page.getByTestId('to-end').click();
  await expect(page.getByTestId('narration')).toHaveText(/finished/);

  // The link's program was saved; it is there again after a plain reload.
  await page.goto('/');
  await expect(page.getByTestId('editor')).toContainText('fetch("middle", 0.2)', { timeout: 30_000 });
});

test('stepping into a line out of the editor\'s sight scrolls the editor to it', async ({ page }) => {
  // 40 lines of notes between the top and the coroutine: its await, line 46, is below the editor.
  const notes = Array.from({ length: 40 }, (_, i) => `# note ${i + 1}`).join('\n');
  const app = new App(page);
  await app.open(`import asyncio\n\n${notes}\n\n\nasync def main():\n    await asyncio.sleep(0.1)\n    print("done")\n\n\nasyncio.run(main())\n`);
  await expect(page.getByTestId('editor')).toContainText('import asyncio', { timeout: 30_000 });
  await app.run();
  const editor = page.getByTestId('editor');
  const lineNumber = (n: number) => editor.locator('.line-numbers').getByText(String(n), { exact: true });
  await expect(lineNumber(1)).toBeVisible();
  await expect(lineNumber(46)).toHaveCount(0);
  const narration = page.getByTestId('narration');
  for (let i = 0; i < 40 && !/runs line 46\./.test(await narration.innerText()); i++) await app.press('ArrowRight');
  await expect(narration).toHaveText(/^Task-\d+ runs line 46\.$/);
  // The line and the band drawn over it are in sight, inside the editor.
  const box = (await editor.boundingBox())!;
  const line = (await lineNumber(46).boundingBox())!;
  expect(line.y).toBeGreaterThanOrEqual(box.y);
  expect(line.y + line.height).toBeLessThanOrEqual(box.y + box.height);
  const band = (await editor.locator('.current-line').boundingBox())!;
  expect(Math.abs(band.y - line.y)).toBeLessThan(2);
});
