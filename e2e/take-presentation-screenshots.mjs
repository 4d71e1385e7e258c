#!/usr/bin/env node
// Presentation mode at a projector's sizes, for the README: docs/screenshots/presentation-<w>x<h>.png.
// With --review DIR, also the main screen light and dark and each picture at 25 % (the back
// of the room) into DIR, for a person to look at. Point it at a served build:
//
//   node e2e/take-presentation-screenshots.mjs [http://127.0.0.1:4173/] [--review /tmp/shots]
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../scripts/chromium.mjs';
import { openAtStep } from './screenshot-page.mjs';

const args = process.argv.slice(2);
const reviewAt = args.indexOf('--review');
const review = reviewAt >= 0 ? args.splice(reviewAt, 2)[1] : null;
const url = args[0] ?? 'http://127.0.0.1:4173/';
const out = new URL('../docs/screenshots/', import.meta.url).pathname;
const SIZES = [[1024, 768], [1920, 1080]];

const settle = (page) => page.waitForTimeout(700);

mkdirSync(out, { recursive: true });
if (review) mkdirSync(review, { recursive: true });
const browser = await launchChromium();
try {
  for (const [width, height] of SIZES) {
    const page = await openAtStep(browser, url, width, height);
    await page.keyboard.press('p');
    await settle(page);
    const file = `${out}presentation-${width}x${height}.png`;
    await page.screenshot({ path: file });
    console.log(file);
    await page.close();
    if (review) {
      // The same screen as a quarter-size picture: what the back row sees.
      const small = await openAtStep(browser, url, width, height, { scale: 0.25 });
      await small.keyboard.press('p');
      await settle(small);
      await small.screenshot({ path: `${review}/presentation-${width}x${height}-25pct.png` });
      await small.close();
    }
  }
  if (review) {
    for (const colorScheme of ['light', 'dark']) {
      const page = await openAtStep(browser, url, 1280, 800, { colorScheme });
      await settle(page);
      await page.screenshot({ path: `${review}/main-${colorScheme}-1280x800.png` });
      await page.keyboard.press('p');
      await settle(page);
      await page.screenshot({ path: `${review}/presentation-${colorScheme}-1280x800.png` });
      await page.keyboard.press('?');
      await settle(page);
      await page.screenshot({ path: `${review}/shortcuts-${colorScheme}-1280x800.png` });
      await page.close();
    }
  }
} finally {
  await browser.close();
}
