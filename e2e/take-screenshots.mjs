#!/usr/bin/env node
// Screenshots of the default example at a mid-run step, for the README:
// docs/screenshots/midrun-<w>x<h>.png, and panels-1280x800.png with the console folded
// away and the timeline dragged taller. Point it at a served build:
//
//   node e2e/take-screenshots.mjs [http://127.0.0.1:4173/]
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../scripts/chromium.mjs';
import { openAtStep } from './screenshot-page.mjs';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/';
const out = new URL('../docs/screenshots/', import.meta.url);
const SIZES = [[1280, 800], [1920, 1080]];

/** The console folded away, the timeline given 140 px more by dragging the bar above it. */
async function foldAndWiden(page) {
  await page.getByTestId('fold-console').click();
  const bar = await page.getByTestId('between-timeline').boundingBox();
  await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2);
  await page.mouse.down();
  await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2 - 140, { steps: 8 });
  await page.mouse.up();
  // Away from the bar, so it shows as it rests.
  await page.mouse.move(2, 2);
  await page.waitForTimeout(400);
  const file = new URL('panels-1280x800.png', out).pathname;
  await page.screenshot({ path: file });
  console.log(file);
}

mkdirSync(out, { recursive: true });
const browser = await launchChromium();
try {
  for (const [width, height] of SIZES) {
    const page = await openAtStep(browser, url, width, height);
    // Let the queue animations settle.
    await page.waitForTimeout(600);
    const file = new URL(`midrun-${width}x${height}.png`, out).pathname;
    await page.screenshot({ path: file });
    console.log(file);
    if (width === 1280) await foldAndWiden(page);
    await page.close();
  }
} finally {
  await browser.close();
}
