// The gallery as a teacher meets it: every example opens with one click and runs to its
// end in the browser (only the deadlock lesson ends in an error), and its marked steps
// are ticks the M key reaches. The two languages: language.spec.ts.
import { expect, test, type Page } from '@playwright/test';
import { App } from './app';

async function openExample(page: Page, id: string): Promise<void> {
  await page.getByTestId('gallery-button').click();
  await page.locator(`[data-testid="example"][data-example-id="${id}"]`).click();
  await expect(page.getByTestId('gallery')).toBeHidden();
  await expect(page.getByTestId('stop')).toBeDisabled({ timeout: 30_000 });
  await expect(page.getByTestId('run-outcome')).toHaveAttribute('data-status', /.+/, { timeout: 30_000 });
}

test('every gallery example runs to its end; only the deadlock lesson ends in an error', async ({ page }) => {
  test.setTimeout(170_000);
  const app = new App(page);
  await app.open();
  await page.getByTestId('gallery-button').click();
  const examples = await page.getByTestId('example').evaluateAll((els) => els.map((el) => ({
    id: el.getAttribute('data-example-id')!,
    title: el.querySelector('.gallery-name')!.textContent!,
    showsError: el.getAttribute('data-shows-error') === 'true',
    marks: Number(el.getAttribute('data-marks')),
  })));
  await page.getByTestId('gallery-button').click();
  expect(examples.length).toBeGreaterThanOrEqual(25);
  for (const example of examples) {
    await openExample(page, example.id);
    const status = await page.getByTestId('run-outcome').getAttribute('data-status');
    expect([example.id, status]).toEqual([example.id, example.showsError ? 'deadlock' : 'finished']);
    // The lesson beside the narration names it, and every step it marks is a tick.
    await expect(page.getByTestId('lesson')).toContainText(example.title);
    await expect(page.getByTestId('mark-tick')).toHaveCount(example.marks);
  }
});

test('marked steps: M and Shift+M go from tick to tick; a mistake is explained at its step', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await openExample(page, 'blocking-sleep');
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  const ticks = await page.getByTestId('mark-tick').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-step'))));
  expect(ticks.length).toBe(3);
  for (const step of ticks) {
    await app.press('m');
    expect((await app.position()).step).toBe(step);
  }
  await app.press('Shift+M');
  expect((await app.position()).step).toBe(ticks[1]);
  // The first mark is the first time.sleep: the mistake note says what it did and how to fix it.
  await app.press('Home');
  await app.press('m');
  await expect(page.getByTestId('narration')).toContainText('time.sleep(1) blocks the whole loop');
  await expect(page.getByTestId('mistake')).toHaveAttribute('data-kind', 'blocking');
  await expect(page.getByTestId('mistake')).toContainText('await asyncio.sleep');
});

test('predict mode asks what prints first, then the answer unfolds', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await page.getByTestId('predict-toggle').click();
  await openExample(page, 'create-task');
  const choices = page.getByTestId('predict-choice');
  await expect(choices).toHaveCount(4);
  await expect(choices.filter({ hasText: 'two tasks made; neither has started yet' })).toHaveCount(1);
  await expect(page.getByTestId('console-line')).toHaveCount(0);
  // A tempting wrong answer: the task was created first, but main prints before it starts.
  const texts = await choices.allInnerTexts();
  const wrong = texts.find((text) => text !== 'two tasks made; neither has started yet')!;
  await choices.nth(texts.indexOf(wrong)).click();
  await expect(page.getByTestId('predict-result')).toContainText(`“two tasks made; neither has started yet” prints first, not “${wrong}”`);
  await expect(page.getByTestId('console-line').first()).toContainText('two tasks made', { timeout: 20_000 });
});
