import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { App } from './app';

// The case: three sleeps that overlap (1, 2, 3 s) and a time.sleep that blocks the loop.
const PROGRAM = `import asyncio
import time


async def work(name, seconds):
    await asyncio.sleep(seconds)
    if name == "b":
        time.sleep(0.5)
    return name


async def main():
    await asyncio.gather(work("a", 1), work("b", 2), work("c", 3))


asyncio.run(main())
`;

/** Pixel x of a value on the timeline's axis, from its first and last tick marks (the scale is linear). */
async function axisX(page: Page, value: number): Promise<number> {
  const ticks = await page.getByTestId('timeline').locator('.tick').evaluateAll((nodes) => nodes.map((n) => {
    const box = n.getBoundingClientRect();
    return { value: parseFloat(n.textContent ?? ''), x: box.left + box.width / 2 };
  }));
  const [a, b] = [ticks[0], ticks[ticks.length - 1]];
  return a.x + ((value - a.value) * (b.x - a.x)) / (b.value - a.value);
}

async function laneY(page: Page, name: string): Promise<number> {
  const box = await page.getByTestId('timeline-lane-label').and(page.locator(`[data-task-name="${name}"]`)).boundingBox();
  return box!.y + box!.height / 2;
}

test('the timeline: a lane per task, spans where the sleeps end, click to seek, two axes', async ({ page }) => {
  const app = new App(page);
  await app.open(PROGRAM);
  await app.run();
  const names = await page.getByTestId('timeline-lane-label').evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.taskName));
  expect(names).toEqual(['loop', 'Task-1', 'Task-2', 'Task-3', 'Task-4']);

  // Each worker is suspended on its sleep from 0 until 1, 2 and 3 s: hover inside and at the end.
  const tip = page.getByRole('tooltip');
  for (const [task, seconds] of [['Task-2', 1], ['Task-3', 2], ['Task-4', 3]] as const) {
    await page.mouse.move(await axisX(page, seconds - 0.1), await laneY(page, task));
    await expect(tip).toContainText(`suspended, awaiting sleep(${seconds}) until t=${seconds}`);
    await expect(tip).toContainText(`t=0–${seconds} s`);
  }
  // time.sleep(0.5) froze the loop from 2 to 2.5 s.
  await page.mouse.move(await axisX(page, 2.25), await laneY(page, 'loop'));
  await expect(tip).toContainText('blocked by time.sleep(0.5): the whole loop froze for 0.5 s');

  // A click at 2.5 s seeks to the last event at or before it: the clock reads 2.500.
  expect((await app.position()).step).toBe(0);
  await page.mouse.click(await axisX(page, 2.5), await laneY(page, 'Task-1'));
  await expect(page.getByTestId('clock')).toHaveText('2.500');
  const atClick = (await app.position()).step;
  await app.press('ArrowRight');
  await expect(page.getByTestId('clock')).toHaveText('3.000');
  expect((await app.position()).step).toBe(atClick + 1);

  // On the step axis a click lands on the step under the pointer.
  await page.getByTestId('timeline-axis-step').click();
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-axis', 'step');
  const tickText = page.getByTestId('timeline').locator('.tick text');
  await expect(tickText.first()).toHaveText(/^\d+$/);
  const ticks = await tickText.allTextContents();
  const step = Number(ticks[Math.floor(ticks.length / 2)]);
  const x = await axisX(page, step);
  await page.mouse.click(x, await laneY(page, 'Task-1'));
  // The cursor after event `step` reads "step step+1" (step 0 is before the first event).
  await expect.poll(async () => (await app.position()).step).toBe(step + 1);

  // Export: what is in view, as SVG and as PNG.
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG' }).click()]);
  const markup = readFileSync((await svg.path())!, 'utf8');
  expect(markup).toContain('>Task-4 work</text>');
  expect(markup).toContain('>sleep(3) until t=3</text>');
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG' }).click()]);
  expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
});

test('a lane label under its creator keeps the whole task name; the coroutine name gives way', async ({ page }) => {
  const app = new App(page);
  await app.open(`import asyncio


async def download_page(n):
    await asyncio.sleep(n)


async def main():
    await asyncio.gather(download_page(1), download_page(2))


asyncio.run(main())
`);
  await app.run();
  const labels = page.getByTestId('timeline-lane-label');
  await expect(labels).toHaveCount(4);
  const fits = await labels.evaluateAll((nodes) => nodes.slice(1).map((label) => {
    const tag = label.querySelector<HTMLElement>('.task-tag')!;
    const coro = label.querySelector<HTMLElement>('.timeline-coro')!;
    return { tag: tag.textContent, whole: tag.scrollWidth <= tag.clientWidth, coroCut: coro.scrollWidth > coro.clientWidth };
  }));
  expect(fits).toEqual([
    { tag: 'Task-1', whole: true, coroCut: false },
    // Nested: "download_page" does not fit beside the tag, and is the one cut.
    { tag: 'Task-2', whole: true, coroCut: true },
    { tag: 'Task-3', whole: true, coroCut: true },
  ]);
});
