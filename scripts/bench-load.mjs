#!/usr/bin/env node
// Page and Python start-up in the browser, against a served build:
// first paint of the page, and Pyodide ready (engine-status "ready") cold and with a
// warm HTTP cache. Prints JSON lines {"metric", "value", "unit"}.
//
//   node scripts/bench-load.mjs [http://127.0.0.1:4173/]
import { launchChromium } from './chromium.mjs';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/';
const emit = (metric, value, unit = 'ms') =>
  console.log(JSON.stringify({ metric, value: Math.round(value * 100) / 100, unit }));

const browser = await launchChromium();
const context = await browser.newContext();
const page = await context.newPage();

async function load(label) {
  const started = Date.now();
  await page.goto(url);
  await page.getByTestId('engine-status').filter({ hasText: 'ready' }).waitFor({ timeout: 60_000 });
  const ready = Date.now() - started;
  const paint = await page.evaluate(() =>
    performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint')?.startTime ?? NaN);
  emit(`first-contentful-paint-${label}`, paint);
  emit(`pyodide-ready-browser-${label}`, ready);
}

await load('cold');
await load('warm');
await browser.close();
