#!/usr/bin/env node
// Run → first trace batch painted, for gallery examples, with Python already loaded: from
// the click on Run until the first frame painted after the step counter shows the new
// run's first events. Builds nothing: point it at a served build.
//
//   node scripts/bench-run.mjs [http://127.0.0.1:4173/]
//
// Prints JSON lines {"metric", "value", "unit"}, per example:
//   run-to-first-paint-<example>-{p50,p95,max}: click → end of the first painted frame
//     that shows trace events (up to one frame interval is waiting for vsync);
//   run-to-first-paint-<example>-first: the first Run after the page became ready (it
//     also waits for the engine's start-up snapshot to be made);
//   run-to-first-dom-<example>-p50/p95: click → the counter's text changed (no paint);
//   run-events-<example>: the example's trace length, for scale.
// BENCH_SAMPLES: runs per example (default 20). BENCH_PROFILE=1: where the page's and the
// engine worker's time goes during the runs, on stderr.
// Functions passed to page.evaluate run in the browser:
/* global document, window, requestAnimationFrame, MutationObserver */
import { readFileSync } from 'node:fs';
import { launchChromium } from './chromium.mjs';
import { emit, openProgram, percentile, traceLength } from './bench-probe.mjs';
import { workerSession } from './bench-memory.mjs';
import { PROFILING, profileCpu } from './bench-profile.mjs';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/';
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20);
// The first lesson, a queue lesson, and the crawler with a semaphore (more events).
const EXAMPLES = ['cafe', 'producer-consumer', 'semaphore-crawler'];

// Runs in the page: one timed Run, resolved after the frame that shows its first events.
function installRunProbe() {
  const counter = document.querySelector('[data-testid="step-count"]');
  const total = () => Number(counter.textContent.split('/')[1].replace(/\D/g, ''));
  let pending = null;
  // Run first empties the trace (the counter's total drops to 0); the first batch then
  // raises it. Both changes are separate renders: the batch comes in a later task.
  new MutationObserver(() => {
    if (!pending || pending.dom !== undefined) return;
    if (total() === 0) { pending.cleared = true; return; }
    if (!pending.cleared) return;
    pending.dom = performance.now() - pending.start;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => pending.resolve({ dom: pending.dom, frame: performance.now() - pending.start });
      channel.port2.postMessage(null);
    });
  }).observe(counter, { childList: true, characterData: true, subtree: true });
  // Capture phase: the clock starts before the app's own click handler runs.
  window.addEventListener('click', (e) => {
    if (!pending || !e.target.closest('[data-testid="run"]')) return;
    pending.start = e.timeStamp;
  }, true);
  window.__runProbe = {
    arm() {
      // Before the first run the counter is at 0 already: nothing to clear.
      pending = { cleared: total() === 0 };
      pending.done = new Promise((resolve) => { pending.resolve = resolve; });
    },
    async result() {
      const sample = await pending.done;
      pending = null;
      return sample;
    },
  };
}

async function timeRuns(page, count) {
  const samples = [];
  for (let i = 0; i < count; i++) {
    await page.evaluate(() => window.__runProbe.arm());
    await page.getByTestId('run').click();
    samples.push(await page.evaluate(() => window.__runProbe.result()));
    // The next Run starts from an idle engine, as a user's would.
    await page.getByTestId('stop').and(page.locator(':disabled')).waitFor({ timeout: 60_000 });
  }
  return samples;
}

/** Runs `action` under the CPU profiler in the page and in the engine's worker at once. */
async function profiled(page, title, action) {
  if (!PROFILING) return action();
  const cdp = await page.context().newCDPSession(page);
  const worker = await workerSession(page.context().browser());
  return profileCpu(cdp, `page, ${title}`, () => profileCpu(worker, `worker, ${title}`, action));
}

const browser = await launchChromium();
try {
  for (const id of EXAMPLES) {
    const program = readFileSync(new URL(`../src/examples/py/${id}.py`, import.meta.url), 'utf8');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openProgram(page, url, program);
    await page.evaluate(installRunProbe);
    const [first, ...rest] = await profiled(page, id, () => timeRuns(page, SAMPLES + 1));
    emit(`run-events-${id}`, await traceLength(page), 'events');
    emit(`run-to-first-paint-${id}-first`, first.frame);
    const frames = rest.map((s) => s.frame).sort((a, b) => a - b);
    const doms = rest.map((s) => s.dom).sort((a, b) => a - b);
    emit(`run-to-first-paint-${id}-p50`, percentile(frames, 0.5));
    emit(`run-to-first-paint-${id}-p95`, percentile(frames, 0.95));
    emit(`run-to-first-paint-${id}-max`, frames.at(-1));
    emit(`run-to-first-dom-${id}-p50`, percentile(doms, 0.5));
    emit(`run-to-first-dom-${id}-p95`, percentile(doms, 0.95));
    await page.close();
  }
} finally {
  await browser.close();
}
