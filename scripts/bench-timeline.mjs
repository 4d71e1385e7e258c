#!/usr/bin/env node
// Timeline pan and zoom in the browser on a big run: 2,000 tasks and about 100,000 trace
// events, produced by the real engine. Builds nothing: point it at a served build.
//
//   node scripts/bench-timeline.mjs [http://127.0.0.1:4173/]
//
// Input goes to the timeline's canvas as wheel and mouse-drag events, one per frame, the
// way a trackpad or a dragging hand feeds it. Prints JSON lines {"metric", "value", "unit"}:
//   timeline-<gesture>-fps:          frames painted per second while the gesture lasts;
//   timeline-<gesture>-frame-p95:    95th percentile of the time between painted frames;
//   timeline-<gesture>-draw-p50/p95: the timeline's own redraw in that frame, from clearing
//                                    its canvas to the end of its axis (must stay well < 16 ms).
// The machine's load shows in fps and frame-p95; draw is the part the timeline decides.
// Functions passed to page.evaluate run in the browser:
/* global document, window, requestAnimationFrame, MouseEvent, WheelEvent */
// BENCH_FRAMES: frames per gesture (default 240). BENCH_PROFILE=1: where the main thread's
// time goes during each gesture, on stderr.
import { launchChromium } from './chromium.mjs';
import { emit, openProgram, percentile, runToEnd, traceLength } from './bench-probe.mjs';
import { profileCpu } from './bench-profile.mjs';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/';
const FRAMES = Number(process.env.BENCH_FRAMES ?? 240);

// 2,000 tasks × 6 sleeps, with line events: about 100,000 trace events.
const PROGRAM = `import asyncio


async def worker(n):
    for i in range(6):
        await asyncio.sleep((n % 13 + 1) * 0.01)


async def main():
    await asyncio.gather(*(worker(n) for n in range(2000)))


asyncio.run(main())
`;

// Runs in the page: one input event per frame; returns per-frame interval and draw time.
async function gesture({ kind, frames }) {
  const canvas = document.querySelector('[data-testid="timeline"] canvas');
  const box = canvas.getBoundingClientRect();
  const cx = box.left + box.width / 2;
  const cy = box.top + box.height / 2;
  const mouse = (type, x, y) => new MouseEvent(type, { clientX: x, clientY: y, button: 0, buttons: 1, bubbles: true, view: window });
  if (kind === 'pan') canvas.dispatchEvent(mouse('mousedown', cx, cy));
  // The view clears its canvas first thing in a redraw: that marks where its work starts.
  let drawStart = 0;
  const context = Object.getPrototypeOf(canvas.getContext('2d'));
  const clearRect = context.clearRect;
  context.clearRect = function (...args) {
    drawStart = performance.now();
    return clearRect.apply(this, args);
  };
  const samples = [];
  let last = await new Promise((resolve) => requestAnimationFrame(resolve));
  for (let i = 0; i < frames; i++) {
    if (kind === 'zoom') {
      // In for the first half, out for the second: deep into single steps and back.
      const deltaY = i < frames / 2 ? -60 : 60;
      canvas.dispatchEvent(new WheelEvent('wheel', { clientX: cx, clientY: cy, deltaY, bubbles: true, cancelable: true, view: window }));
    } else {
      window.dispatchEvent(mouse('mousemove', cx + Math.sin(i / 12) * box.width * 0.4, cy - i * 3));
    }
    const frame = await new Promise((resolve) => requestAnimationFrame((ts) => resolve({ ts, now: performance.now() })));
    samples.push({ interval: frame.ts - last, draw: drawStart >= frame.ts ? frame.now - drawStart : 0 });
    last = frame.ts;
  }
  if (kind === 'pan') window.dispatchEvent(mouse('mouseup', cx, cy));
  context.clearRect = clearRect;
  return samples;
}

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await openProgram(page, url, PROGRAM);
  // On a busy machine the first run stops at its real-time budget: Continue, as a user
  // would, so the figures are always for the whole program's trace.
  await runToEnd(page);
  const total = await traceLength(page);
  emit('timeline-trace-events', total, 'events');
  // Lane labels are rendered only near the view: the panel's note counts the tasks.
  const note = await page.getByRole('region', { name: 'Timeline' }).locator('.panel-note').innerText();
  emit('timeline-tasks', Number(/(\d+) tasks/.exec(note)?.[1]), 'tasks');
  await page.getByTestId('timeline-axis-step').click();
  for (const kind of ['zoom', 'pan']) {
    const cdp = await page.context().newCDPSession(page);
    const samples = await profileCpu(cdp, `timeline ${kind}`, () => page.evaluate(gesture, { kind, frames: FRAMES }));
    const intervals = samples.map((s) => s.interval).sort((a, b) => a - b);
    const draws = samples.map((s) => s.draw).sort((a, b) => a - b);
    const mean = intervals.reduce((a, b) => a + b, 0) / intervals.length;
    emit(`timeline-${kind}-fps`, 1000 / mean, 'fps');
    emit(`timeline-${kind}-frame-p95`, percentile(intervals, 0.95));
    emit(`timeline-${kind}-draw-p50`, percentile(draws, 0.5));
    emit(`timeline-${kind}-draw-p95`, percentile(draws, 0.95));
  }
} finally {
  await browser.close();
}
