import { expect, test } from '@playwright/test';
import { App, codeLink } from './app';

// What a user pastes or is sent must not break the page: a loop that never yields, a
// flood of output, a link that reaches for the page from Python. And the page runs
// under its Content-Security-Policy without tripping it.

const inCoroutine = (body: string) =>
  `import asyncio\n\nasync def main():\n    while True:\n        ${body}\n\nasyncio.run(main())\n`;

/** Runs the open program, waits for the stop, and returns the reason the header gives. */
async function runToStop(app: App): Promise<string> {
  const outcome = app.page.getByTestId('run-outcome');
  await app.page.getByTestId('run').click();
  await expect(outcome).toHaveAttribute('data-status', 'limit', { timeout: 30_000 });
  return (await outcome.getAttribute('title')) ?? '';
}

/** The same Python runs the next program typed into the editor. */
async function runsAgain(app: App): Promise<void> {
  await expect(app.page.getByTestId('engine-status')).toHaveText('ready');
  await app.page.getByTestId('editor').click();
  await app.page.keyboard.press('ControlOrMeta+A');
  await app.page.keyboard.insertText('print("next")');
  await app.run();
  await app.press('End');
  expect(await app.consoleLines()).toEqual(['next']);
}

test('a coroutine that never yields is stopped within a second, with how long it ran and its line; Run works right after', async ({ page }) => {
  const app = new App(page);
  await app.open(inCoroutine('total = sum(range(1_000))'));
  const reason = await runToStop(app);
  expect(reason).toMatch(/^Task-1 ran \d+ ms without yielding to the loop \(at line 5\)$/);
  // The engine's budget for one callback is 700 ms, checked at every turn of the loop:
  // the rest of the second is room for a busy machine's stalls.
  const ranMs = Number(/ran (\d+) ms/.exec(reason)![1]);
  expect(ranMs).toBeGreaterThanOrEqual(700);
  expect(ranMs).toBeLessThan(1_000);

  // The reason is the last step's narration; the console shows nothing of the engine.
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await app.press('End');
  await expect(page.getByTestId('narration')).toContainText('without yielding to the loop (at line 5)');
  expect((await app.consoleLines()).join('\n')).not.toContain('loopscope');
  await runsAgain(app);
});

test('while True: pass in a coroutine stops at a limit, and Run works right after', async ({ page }) => {
  const app = new App(page);
  await app.open(inCoroutine('pass'));
  // Each turn of the loop is a line event: on a very fast machine the event limit could
  // come before the 700 ms budget for one callback.
  expect(await runToStop(app)).toMatch(
    /^(Task-1 ran \d+ ms without yielding to the loop \(at line 5\)|event limit reached: 200,000 trace events)$/);
  await runsAgain(app);
});

test('a program printing 200,000 lines stops at a limit with a notice, and the page still steps', async ({ page }) => {
  const app = new App(page);
  await app.open([
    'import asyncio', '', 'async def main():', '    for i in range(200_000):', '        print("line", i)',
    '        if i % 100 == 0:', '            await asyncio.sleep(0)', '', 'asyncio.run(main())', '',
  ].join('\n'));
  await app.run();
  const outcome = page.getByTestId('run-outcome');
  await expect(outcome).toHaveAttribute('data-status', 'limit');
  // The event limit, or on a slow machine the real-time one.
  const NOTICE = /limit reached/;
  await expect(outcome).toHaveAttribute('title', NOTICE);
  const { total } = await app.position();
  expect(total).toBeGreaterThan(10_000);

  // A step keypress is handled, and painted, within a second.
  const before = await app.position();
  const pressed = Date.now();
  await app.press('ArrowRight');
  await expect.poll(async () => (await app.position()).step, { timeout: 1_000 }).toBe(before.step + 1);
  expect(Date.now() - pressed).toBeLessThan(1_000);
  await app.press('End');
  await expect(page.getByTestId('console-line').last()).toBeVisible();
  await expect(page.getByTestId('narration')).toContainText(NOTICE);
});

test('a link whose program imports js gets an ImportError and leaves the page alone', async ({ page }) => {
  const app = new App(page);
  await page.goto(codeLink("import js; js.document.body.innerHTML = 'x'"));
  await expect(page.getByTestId('engine-status')).toHaveText('ready', { timeout: 30_000 });
  await app.run();
  await app.press('End');
  const console = (await app.consoleLines()).join('\n');
  expect(console).toContain("ModuleNotFoundError: No module named 'js'");
  // ModuleNotFoundError is the ImportError CPython raises for a missing module.
  expect(console).toMatch(/sandbox/);
  await expect(page.locator('header.app-header')).toContainText('raised');
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('console')).toBeVisible();
  expect(await page.evaluate(() => document.body.innerHTML === 'x')).toBe(false);
});

test('the page runs, steps and edits under its Content-Security-Policy without a violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|CSP violation/i.test(msg.text())) violations.push(msg.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.log(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const response = await page.goto('/');
  const policy = response!.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("connect-src 'self'");
  const app = new App(page);
  await expect(page.getByTestId('engine-status')).toHaveText('ready', { timeout: 30_000 });
  await app.run();
  await app.press('ArrowRight', 5);
  await app.press('End');
  await page.getByTestId('editor').click();
  await page.keyboard.type('\nprint("typed")');
  await page.keyboard.press('Control+Space');
  await page.keyboard.press('Escape');
  await app.run();
  expect(violations).toEqual([]);
});
