// 中文 as a class meets it: mid-run, with a timer set, a handle in the ready queue and a
// task suspended, the only Latin letters left on screen are identifiers and code; the
// same holds with the shortcut sheet open and after a run that stopped at a limit. Then
// English comes back.
import { expect, test, type Page } from '@playwright/test';
import { App, codeLink } from './app';

const PROGRAM = `import asyncio


async def consumer(inbox):
    item = await inbox.get()
    print("got", item)


async def ticker():
    await asyncio.sleep(1)
    print("tick")


async def main():
    inbox = asyncio.Queue()
    reader = asyncio.create_task(consumer(inbox))
    clock = asyncio.create_task(ticker())
    await asyncio.sleep(0.5)
    await inbox.put(42)
    await asyncio.gather(reader, clock)


asyncio.run(main())
`;

// A program that never ends: the run stops at the virtual-time limit (7 days).
const FOREVER = `import asyncio


async def main():
    while True:
        await asyncio.sleep(24 * 3600)
        print("day")


asyncio.run(main())
`;

// Words a Chinese screen may show: the product and runtime, key names as printed on the
// keys, file formats, and the asyncio names the engine's labels quote as code.
const UI_WORDS = ['Loopscope', 'Python', 'asyncio', 'Ctrl', 'Enter', 'Esc', 'Home', 'End', 'Shift', 'PageDown', 'PageUp',
  'SVG', 'PNG', 'JSON', 'py', 'KeyboardInterrupt', 'main', 'Task', 'sleep', 'Queue', 'get', 'put', 'gather', 'create_task', 'run'];

/** Every identifier and word of the program (names, and the strings it prints): code, not UI. */
function identifiersOf(source: string): string[] {
  return [...new Set(source.match(/[A-Za-z_]\w*/g) ?? [])];
}

// The words of the engine's English labels: if one is allowed, an untranslated label
// would slip through, so none may be.
const LABEL_WORDS = ['step', 'timer', 'of', 'top', 'level', 'due', 'at', 'by', 'created', 'scheduled', 'wake', 'done',
  'empty', 'items', 'until', 'yield', 'the', 'loop', 'awaits', 'limit', 'reached', 'virtual', 'time', 'Limit',
  'Keyboard', 'shortcuts', 'forward', 'back', 'Close', 'Space', 'Ready', 'queue', 'Timer', 'heap', 'line'];

function allowed(source: string): string[] {
  const words = [...UI_WORDS, ...identifiersOf(source)];
  // Guard the guard: the program must not make an English label word look like code.
  expect(words.filter((word) => LABEL_WORDS.includes(word))).toEqual([]);
  return words;
}

/**
 * Latin words (two letters or more) in visible text and tooltips, outside the program's
 * own text (editor, console output), that are not in `allow`.
 */
function englishOnScreen(page: Page, allow: string[]): Promise<string[]> {
  return page.evaluate((allow) => {
    const skip = '[data-testid="editor"], .editor-body, .monaco-editor, .console-text, .traceback, [translate="no"], .lesson p';
    const words: string[] = [];
    const collect = (text: string | null, where: string) => {
      for (const word of text?.match(/[A-Za-z]{2,}/g) ?? []) if (!allow.includes(word)) words.push(`${word} (${where})`);
    };
    const shown = (el: Element) => !el.closest(skip) && !el.closest('[hidden], option')
      && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent && shown(parent)) collect(node.textContent, parent.className || parent.tagName);
    }
    for (const el of document.querySelectorAll('[title]')) if (shown(el)) collect(el.getAttribute('title'), `title of ${el.className || el.tagName}`);
    return words;
  }, allow);
}

/** Opens `source` from a link in a fresh page load; the check is by state, not by words. */
async function openProgram(page: Page, source: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(codeLink(source));
  await expect(page.locator('[data-testid="engine-status"][data-status="ready"]')).toBeVisible({ timeout: 30_000 });
}

/** Runs the program to its end, in any language. */
async function runToEnd(page: Page): Promise<void> {
  await page.getByTestId('run').click();
  await expect(page.getByTestId('run-outcome')).toHaveAttribute('data-status', /.+/, { timeout: 30_000 });
  await expect(page.getByTestId('stop')).toBeDisabled();
  await page.locator('body').click({ position: { x: 2, y: 2 } });
}

/** Steps forward until the loop holds a timer, a ready handle and a suspended task. */
async function toBusyStep(app: App, page: Page): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const busy = await page.evaluate(() => {
      const count = (id: string) => Number(document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-count') ?? 0);
      return count('ready-queue') > 0 && count('timer-heap') > 0
        && document.querySelector('[data-testid="task-card"][data-state="suspended"]') !== null;
    });
    if (busy) return;
    await app.press('ArrowRight');
  }
  throw new Error('no step with a timer, a ready handle and a suspended task');
}

test('中文 leaves only identifiers and code in Latin letters, mid-run, in the shortcut sheet and at a limit; English comes back', async ({ page }) => {
  test.setTimeout(150_000);
  const app = new App(page);
  await openProgram(page, PROGRAM);
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('run')).toContainText('运行');
  await runToEnd(page);
  await toBusyStep(app, page);
  const allow = allowed(PROGRAM);
  // The step is what the check is about: a timer, a ready handle, a suspended task's wait.
  await expect(page.getByTestId('timer-heap')).toContainText('定时器');
  await expect(page.getByTestId('ready-queue')).toContainText('的一步');
  await expect(page.locator('[data-testid="task-card"][data-state="suspended"]').first()).toContainText('等待');
  expect(await englishOnScreen(page, allow)).toEqual([]);

  await app.press('?');
  await expect(page.getByTestId('shortcut-sheet')).toBeVisible();
  await expect(page.getByTestId('shortcut-sheet')).toContainText('前进一步');
  expect(await englishOnScreen(page, allow)).toEqual([]);
  await app.press('Escape');
  await expect(page.getByTestId('shortcut-sheet')).toBeHidden();

  // Back in English, the same step reads in English again.
  await page.getByTestId('language').selectOption('en');
  await expect(page.getByTestId('run')).toContainText('Run');
  await expect(page.getByTestId('ready-queue')).toContainText('step');
  await expect(page.getByTestId('timer-heap')).toContainText('timer of');
  expect(await englishOnScreen(page, allow)).toEqual(expect.arrayContaining([
    expect.stringMatching(/^step /), expect.stringMatching(/^timer /), expect.stringMatching(/^awaits /),
  ]));

  // A run that stops at a limit: the outcome, the Continue button and the reason.
  await page.getByTestId('language').selectOption('zh-CN');
  await openProgram(page, FOREVER);
  await runToEnd(page);
  await expect(page.getByTestId('run-outcome')).toHaveAttribute('data-status', 'limit');
  await expect(page.getByTestId('continue-run')).toBeVisible();
  await app.press('End');
  await expect(page.getByTestId('narration')).toContainText('达到虚拟时间上限');
  expect(await englishOnScreen(page, allowed(FOREVER))).toEqual([]);
  // The step before says the engine stopped the run at its limit: a warning of ours.
  await app.press('ArrowLeft');
  await expect(page.getByTestId('narration')).toContainText('上限：');
  expect(await englishOnScreen(page, allowed(FOREVER))).toEqual([]);

  // A reload keeps the choice.
  await page.reload();
  await expect(page.getByTestId('run')).toContainText('运行', { timeout: 30_000 });
});
