// What the browser benchmarks share: printing figures, opening a program in the app, and
// the step-latency probe (input → DOM laid out, input → painted frame) that bench-step
// and bench-million both time steps and seeks with.
// Functions passed to page.evaluate run in the browser:
/* global document, window, requestAnimationFrame, HTMLInputElement */

/** One figure, as a JSON line {"metric", "value", "unit"}. */
export function emit(metric, value, unit = 'ms') {
  console.log(JSON.stringify({ metric, value: Math.round(value * 100) / 100, unit }));
}

/** The sample at rank p (0..1) of an ascending list. */
export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** The app at `url` with `program` in the editor (a `#code=` permalink), Python loaded. */
export async function openProgram(page, url, program) {
  await page.goto(new URL(`#code=${Buffer.from(program).toString('base64url')}`, url).href);
  await page.getByTestId('engine-status').filter({ hasText: 'ready' }).waitFor({ timeout: 120_000 });
}

/** The step counter's total: how many trace events the page holds. */
export async function traceLength(page) {
  return Number((await page.getByTestId('step-count').innerText()).split('/')[1].replace(/\D/g, ''));
}

/**
 * Presses Run, then "Continue ×4" each time the run stops at a budget (events, or real
 * time when the machine is busy), until the program ends or `enough(events)` holds.
 * Returns each run's wall time, click to end.
 */
export async function runToEnd(page, enough = () => false) {
  const walls = [];
  let started = Date.now();
  await page.getByTestId('run').click();
  for (;;) {
    await page.getByTestId('stop').and(page.locator(':disabled')).waitFor({ timeout: 600_000 });
    walls.push(Date.now() - started);
    const more = page.getByTestId('continue-run');
    if (enough(await traceLength(page)) || !(await more.isVisible())) return walls;
    started = Date.now();
    await more.click();
  }
}

/**
 * p50/p95/max of each sample kind; the share of inputs painted 16 ms or more after them
 * (the target, read directly: its p95 is under 16 ms when this is under 5%); and the
 * Event Timing verdicts when the samples carry them.
 */
export function report(name, samples) {
  for (const kind of ['frame', 'busy', 'work']) {
    const values = samples.map((s) => s[kind]).sort((a, b) => a - b);
    emit(`${name}-${kind}-p50`, percentile(values, 0.5));
    emit(`${name}-${kind}-p95`, percentile(values, 0.95));
    emit(`${name}-${kind}-max`, values.at(-1));
  }
  emit(`${name}-frame-over-16ms`, (100 * samples.filter((s) => s.frame >= 16).length) / samples.length, '%');
  if (samples[0].eventTiming === undefined) return;
  const reported = samples.filter((s) => s.eventTiming !== null).map((s) => s.eventTiming);
  emit(`${name}-event-timing-over-16ms`, (100 * reported.length) / samples.length, '%');
  emit(`${name}-event-timing-over-24ms`, (100 * reported.filter((d) => d >= 24).length) / samples.length, '%');
  emit(`${name}-event-timing-max`, Math.max(0, ...reported));
}

/** Runs in the page: timestamps around one input, resolved after the frame that shows it. */
export function installProbe() {
  const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta']);
  let pending = null;
  // Event Timing entries of keydowns that took 16 ms or more to the next paint, by start.
  const slowKeys = new Map();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'keydown' && entry.interactionId > 0) slowKeys.set(entry.startTime, entry.duration);
    }
  }).observe({ type: 'event', durationThreshold: 16 });
  // A key that changes one short text and nothing else: the floor of *-frame for any
  // change the page shows (the idle key's, plus painting and committing one small layer).
  const floor = document.createElement('output');
  floor.style.cssText = 'position:fixed;right:0;bottom:0;width:3ch;height:1.2em;contain:strict;font:10px monospace;'
    + 'color:#888;pointer-events:none;will-change:transform';
  document.body.append(floor);
  window.addEventListener('keydown', (e) => {
    if (e.code === 'KeyZ') floor.textContent = String(Number(floor.textContent) + 1).slice(-3);
  });
  const finish = (start) => {
    const p = pending;
    // React flushes a store update in a microtask queued by the update; ours runs after it.
    queueMicrotask(() => queueMicrotask(() => {
      void document.body.offsetHeight;
      p.work = performance.now() - start;
    }));
    requestAnimationFrame(() => {
      // The frame's own work starts here (animation callbacks, then style, layout, paint,
      // commit); the time before it, since the key was handled, the main thread sat idle
      // waiting for vsync.
      const frameStart = performance.now() - start;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        p.frame = performance.now() - start;
        p.resolve({ work: p.work, frame: p.frame, busy: p.work + (p.frame - Math.max(frameStart, p.work)), key: p.key });
      };
      channel.port2.postMessage(null);
    });
  };
  // Registered after the app's own listener, so it runs once the app has handled the key.
  // Shift+→ arrives as two keydowns; the clock starts at the one that steps, not at Shift
  // (which would time a frame the step may miss), and each sample takes one key only.
  window.addEventListener('keydown', (e) => {
    if (!pending || pending.started || MODIFIERS.has(e.key)) return;
    pending.started = true;
    pending.key = e.timeStamp;
    finish(e.timeStamp);
  });
  window.__probe = {
    arm() {
      pending = {};
      pending.done = new Promise((resolve) => { pending.resolve = resolve; });
    },
    async result() {
      const sample = await pending.done;
      pending = null;
      return sample;
    },
    /** Event Timing's verdict on each keydown, by start: its duration, or null if under 16 ms. */
    async eventTiming(starts) {
      // Entries arrive after the paint they end at; give the observer a few frames.
      await new Promise((resolve) => setTimeout(resolve, 100));
      return starts.map((start) => slowKeys.get(start) ?? null);
    },
    seek(cursor) {
      const scrubber = document.querySelector('[data-testid="scrubber"]');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const start = performance.now();
      pending.started = true;
      setValue.call(scrubber, String(cursor));
      scrubber.dispatchEvent(new Event('input', { bubbles: true }));
      finish(start);
    },
  };
}

/** `count` presses of `key`, each timed on its own; `pauseMs` apart (0: back to back). */
export async function measureKeys(page, key, count, pauseMs = 0) {
  const samples = [];
  for (let i = 0; i < count; i++) {
    if (pauseMs > 0) await page.waitForTimeout(pauseMs);
    await page.evaluate(() => window.__probe.arm());
    await page.keyboard.press(key);
    samples.push(await page.evaluate(() => window.__probe.result()));
  }
  const verdicts = await page.evaluate((starts) => window.__probe.eventTiming(starts), samples.map((s) => s.key));
  samples.forEach((sample, i) => { sample.eventTiming = verdicts[i]; });
  return samples;
}

/** One timed seek with the scrub bar to `cursor`. */
export async function measureSeek(page, cursor) {
  await page.evaluate((c) => { window.__probe.arm(); window.__probe.seek(c); }, cursor);
  return page.evaluate(() => window.__probe.result());
}

/** `count` seeks spread over the whole trace in a scattered order (not sweeping). */
export async function measureRandomSeeks(page, total, count) {
  const seeks = [];
  for (let i = 0; i < count; i++) {
    seeks.push(await measureSeek(page, Math.floor(((i * 7919) % 1000) / 1000 * total)));
  }
  return seeks;
}
