import { expect, test } from '@playwright/test';
import { App } from './app';

// Twenty timers: the heap is longer than the panel shows.
const MANY_TIMERS = `import asyncio

async def nap(n):
    await asyncio.sleep(0.1 * (n + 1))

async def main():
    await asyncio.gather(*(nap(n) for n in range(20)))

asyncio.run(main())
`;

/**
 * Runs in the page: loop-panel items with an animation running, counted by whether they
 * can be seen where the animation starts or where it ends (sampled with it paused).
 */
function animatedItems(): { inView: number; outOfView: number } {
  const view = document.querySelector('.loop-panel')!.getBoundingClientRect();
  const seen = (box: DOMRect) => box.bottom > view.top && box.top < view.bottom;
  let inView = 0;
  let outOfView = 0;
  for (const el of document.querySelectorAll<HTMLElement>('.loop-panel [data-flip]')) {
    const animations = el.getAnimations();
    if (animations.length === 0) continue;
    const at = (time: number) => {
      for (const a of animations) { a.pause(); a.currentTime = time; }
      return el.getBoundingClientRect();
    };
    const visible = seen(at(0)) || seen(at(200));
    for (const a of animations) a.finish();
    if (visible) inView++;
    else outOfView++;
  }
  return { inView, outOfView };
}

test('a step at a reading pace glides the queue items in view, and only those', async ({ page }) => {
  const app = new App(page);
  await app.open(MANY_TIMERS);
  await app.run();
  await app.press('Home');
  const seen = { inView: 0, outOfView: 0 };
  for (let i = 0; i < 45; i++) {
    await page.waitForTimeout(260); // slower than an animation lasts: steps are animated
    await app.press('ArrowRight');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const now = await page.evaluate(animatedItems);
    seen.inView += now.inView;
    seen.outOfView += now.outOfView;
  }
  expect(seen.inView).toBeGreaterThan(0);
  expect(seen.outOfView).toBe(0);
  // Once still, no item keeps the style that lifted it while it moved.
  await page.waitForTimeout(300);
  expect(await page.locator('.loop-panel [data-flip][style*="z-index"]').count()).toBe(0);
});
