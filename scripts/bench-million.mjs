#!/usr/bin/env node
// A run of a million trace events in the browser, as a user gets there: Run stops at the
// event budget (200,000) and each "Continue ×4" runs the program again with four times
// the budgets, until the program ends or the trace holds MILLION events. Then the memory
// it takes and step/seek latency at that size. Builds nothing: point it at a served build.
//
//   node scripts/bench-million.mjs [http://127.0.0.1:4173/]
//
// Prints JSON lines {"metric", "value", "unit"}:
//   million-trace-events:          events the page holds at the end (under a million: the
//                                  budgets ran out first; every figure is for that size);
//   million-run-<n>-wall:          each run (Run, then each Continue) until it ended;
//   million-heap-bytes-per-event:  the page's JS heap after the run minus before it (both
//                                  after a full collection), per event;
//   million-heap-at-1m:            that, times a million, in MB (10^6 bytes);
//   million-heap-peak / -worker-heap-peak: the largest JS heap sampled during the runs;
//   million-renderer-rss-peak:     the tab's renderer process at its peak (VmHWM): page,
//                                  worker and Pyodide's WebAssembly memory together;
//   million-step-{forward,back}-*, million-seek-random-*: as bench-step.mjs, at this size.
// BENCH_SAMPLES: samples per step kind (default 30). BENCH_PROFILE=1: where the heap and
// the seeks' time go, on stderr (the sampling slows the run down a little).
import { launchChromium } from './chromium.mjs';
import {
  emit, installProbe, measureKeys, measureRandomSeeks, measureSeek, openProgram, report, runToEnd, traceLength,
} from './bench-probe.mjs';
import { profileCpu, profileHeap } from './bench-profile.mjs';
import { MB, pageHeap, peakSampler, processMemory, tabRenderer, workerSession } from './bench-memory.mjs';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/';
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
const MILLION = 1_000_000;
// BENCH_MILLION_SLEEPS: sleeps per task (default 1200); e.g. 12 runs the same 100 tasks on
// about 11,000 events, to tell what grows with the trace from what grows with the tasks.
const SLEEPS = Number(process.env.BENCH_MILLION_SLEEPS ?? 1200);

// 100 workers × 1,200 sleeps, with line events: about 1,085,000 trace events.
const PROGRAM = `import asyncio


async def worker(n):
    for i in range(${SLEEPS}):
        await asyncio.sleep(0.01 * (n % 7 + 1))


async def main():
    await asyncio.gather(*(worker(n) for n in range(100)))
    print("all done")


asyncio.run(main())
`;

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const cdp = await page.context().newCDPSession(page);
  await openProgram(page, url, PROGRAM);
  const worker = await workerSession(browser);
  const renderer = await tabRenderer(browser);
  const before = await pageHeap(cdp, { collect: true });

  const heapProfile = await profileHeap(cdp);
  const pagePeak = peakSampler(() => pageHeap(cdp));
  const workerPeak = worker && peakSampler(async () => (await worker.send('Runtime.getHeapUsage')).usedSize);
  const walls = await runToEnd(page, (events) => events >= MILLION);
  const peaks = { page: await pagePeak.stop(), worker: await workerPeak?.stop() };

  await heapProfile.stop(`page after the runs`);
  const events = await traceLength(page);
  const after = await pageHeap(cdp, { collect: true });
  emit('million-trace-events', events, 'events');
  walls.forEach((ms, i) => emit(`million-run-${i + 1}-wall`, ms));
  const perEvent = (after - before) / events;
  emit('million-heap-before-run', before / MB, 'MB');
  emit('million-heap-after-run', after / MB, 'MB');
  emit('million-heap-bytes-per-event', perEvent, 'B/event');
  emit('million-heap-at-1m', (perEvent * MILLION) / MB, 'MB');
  emit('million-heap-peak', peaks.page / MB, 'MB');
  if (worker !== null) emit('million-worker-heap-peak', peaks.worker / MB, 'MB');
  if (renderer !== null) emit('million-renderer-rss-peak', processMemory(renderer).peak / MB, 'MB');

  await page.evaluate(installProbe);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await measureSeek(page, Math.floor(events / 2));
  report('million-step-forward', await profileCpu(cdp, 'step forward', () => measureKeys(page, 'ArrowRight', SAMPLES)));
  report('million-step-back', await measureKeys(page, 'ArrowLeft', SAMPLES));
  report('million-seek-random', await profileCpu(cdp, 'random seeks', () => measureRandomSeeks(page, events, SAMPLES)));
} finally {
  await browser.close();
}
