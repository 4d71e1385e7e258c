#!/usr/bin/env node
// Step latency of two or more served builds of the app, taking turns in one browser:
//
//   node scripts/bench-step-ab.mjs http://127.0.0.1:4173/ http://127.0.0.1:4174/
//
// (a second build: `npx vite build --outDir /tmp/dist-b` and
// `npx vite preview --outDir /tmp/dist-b --port 4174`). This machine's speed drifts
// within minutes, so builds timed one after the other compare the minutes. Here each
// round gives every build a turn of a few presses of each key; every third round each
// goes back to the same point of the trace first, so all of them time the same steps.
//
// BENCH_PAUSE: ms between presses (default 0, back to back; 300 is a reading pace, where
// the loop panel's chips glide). BENCH_ROUNDS (default 15), BENCH_BATCH (presses of each
// key in a turn, default 8), BENCH_KEYS (default ArrowRight,ArrowLeft,Shift+ArrowRight),
// BENCH_AT (where in the trace, 0..1, default 0.5), BENCH_REDUCED_MOTION=1.
// Prints, per build, JSON lines as bench-step does: build-N-steps-frame-p95, ...-over-16ms.

import { launchChromium } from './chromium.mjs';
import { installProbe, measureKeys, measureSeek, report } from './bench-probe.mjs';
import { runStepProgram } from './step-program.mjs';

const urls = process.argv.slice(2);
if (urls.length < 2) {
  console.error('usage: node scripts/bench-step-ab.mjs URL URL [URL ...]');
  process.exit(2);
}
const PAUSE = Number(process.env.BENCH_PAUSE ?? 0);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const BATCH = Number(process.env.BENCH_BATCH ?? 8);
const KEYS = (process.env.BENCH_KEYS ?? 'ArrowRight,ArrowLeft,Shift+ArrowRight').split(',');
const AT = Number(process.env.BENCH_AT ?? 0.5);

const browser = await launchChromium();
try {
  const builds = [];
  for (const [i, url] of urls.entries()) {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
      reducedMotion: process.env.BENCH_REDUCED_MOTION === '1' ? 'reduce' : 'no-preference',
    });
    const total = await runStepProgram(page, url);
    await page.evaluate(installProbe);
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    // Not timed: the page's stepping code compiles and optimises as it first runs.
    await measureSeek(page, Math.floor(total * AT));
    for (const key of KEYS) await measureKeys(page, key, 20);
    console.log(JSON.stringify({ build: `build-${i + 1}`, url, events: total }));
    builds.push({ name: `build-${i + 1}`, page, total, samples: [] });
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const build of builds) {
      await build.page.bringToFront();
      // A little further on each time, so the rounds do not repeat the same few steps.
      if (round % 3 === 0) await measureSeek(build.page, Math.floor(build.total * AT) + round * 10);
      for (const key of KEYS) build.samples.push(...await measureKeys(build.page, key, BATCH, PAUSE));
    }
  }
  for (const build of builds) report(`${build.name}-steps`, build.samples);
} finally {
  await browser.close();
}
