#!/usr/bin/env node
// Page and Python start-up in the browser, against a served build. Prints JSON lines
// {"metric", "value", "unit"}:
//   main-thread-js-before-paint-gzip: the JavaScript the page fetched before its first
//     contentful paint (the entry chunk and what it imports statically; not Monaco, not
//     Pyodide, not the worker, which all start later), gzipped here (zlib's default level, as bundle_js_total_gzip) from the
//     server's bytes, KiB; -transfer: what the browser received for it (compressed if the
//     server compresses); -files: how many files that was (named on stderr);
//   first-contentful-paint-{cold,warm}, pyodide-ready-browser-{cold,warm}: medians over
//     LOAD_REPEATS visits, each cold one in a fresh browser profile (empty HTTP cache, Cache
//     Storage and code cache), each warm one a reload of that profile (second visit);
//   pyodide-phase-{cold,warm}-*: the worker's start-up phases (performance marks
//     `loopscope:*` and resource timings, read from the worker), ms since the worker began;
//   stop-busy-loop-to-ready: Stop of a loop that never yields until the engine is ready again;
//   restart-after-stop: a program stuck in one C call, so Stop must replace the worker:
//     from the worker's replacement ("loading") to "ready"; and Stop → ready, which adds
//     the client's grace period for the interrupt.
//
//   node scripts/bench-load.mjs [http://127.0.0.1:4173/]    (LOAD_REPEATS=3 by default)
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/';
const repeats = Number(process.env.LOAD_REPEATS ?? 3);
const emit = (metric, value, unit = 'ms') =>
  console.log(JSON.stringify({ metric, value: Math.round(value * 100) / 100, unit }));
const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// As scripts/chromium.mjs, but with a profile on disk: a second visit then finds what a
// real browser keeps (HTTP cache, V8's compiled-WebAssembly cache, Cache Storage).
async function freshProfile() {
  const dir = mkdtempSync(join(tmpdir(), 'loopscope-bench-profile-'));
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  return { context, close: async () => { await context.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** The worker's marks and Pyodide's resource timings, in ms since the worker began. */
async function workerPhases(worker) {
  return worker.evaluate(() => {
    const out = {};
    for (const m of performance.getEntriesByType('mark')) {
      if (m.name.startsWith('loopscope:')) out[m.name.slice('loopscope:'.length)] = m.startTime;
    }
    for (const r of performance.getEntriesByType('resource')) {
      const file = r.name.split('/').pop();
      if (/^(pyodide\.asm\.(wasm|mjs)|python_stdlib\.zip)$/.test(file)) out[`fetched-${file}`] = r.responseEnd;
    }
    return out;
  });
}

/** The page's own scripts (not workers') whose fetch began before its first contentful paint. */
function scriptsBeforePaint() {
  const paint = performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint');
  return performance.getEntriesByType('resource')
    .filter((r) => ['script', 'link'].includes(r.initiatorType) && /\.m?js$/.test(new URL(r.name).pathname))
    .filter((r) => paint !== undefined && r.startTime < paint.startTime)
    .map((r) => ({ url: r.name, transfer: r.encodedBodySize }));
}

async function emitScriptsBeforePaint(scripts) {
  let gzip = 0;
  for (const { url: script } of scripts) {
    gzip += gzipSync(Buffer.from(await (await fetch(script)).arrayBuffer())).length;
  }
  console.error(`bench-load: JS before first paint: ${scripts.map((s) => new URL(s.url).pathname).join(', ')}`);
  emit('main-thread-js-before-paint-gzip', gzip / 1024, 'KiB');
  emit('main-thread-js-before-paint-transfer', scripts.reduce((sum, s) => sum + s.transfer, 0) / 1024, 'KiB');
  emit('main-thread-js-before-paint-files', scripts.length, 'files');
}

async function load(page, workers) {
  const before = workers.length;
  const started = Date.now();
  await page.goto(url);
  await page.getByTestId('engine-status').filter({ hasText: 'ready' }).waitFor({ timeout: 120_000 });
  const ready = Date.now() - started;
  const paint = await page.evaluate(() =>
    performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint')?.startTime ?? NaN);
  // The engine's worker is the one that loads Pyodide (Monaco has workers too).
  let phases = {};
  for (const worker of workers.slice(before)) {
    const p = await workerPhases(worker).catch(() => ({}));
    if ('ready' in p) phases = p;
  }
  return { ready, paint, phases, scripts: await page.evaluate(scriptsBeforePaint) };
}

const samples = { cold: [], warm: [] };
for (let i = 0; i < repeats; i++) {
  const { context, close } = await freshProfile();
  const page = context.pages()[0] ?? await context.newPage();
  const workers = [];
  page.on('worker', (w) => workers.push(w));
  samples.cold.push(await load(page, workers));
  // The first visit stores its snapshot just after "ready"; give it time to land, as a
  // reader who reads the page for a few seconds would.
  await page.waitForTimeout(3000);
  samples.warm.push(await load(page, workers));
  await close();
}

// A cold visit fetches everything it runs; the first one's list stands for all.
await emitScriptsBeforePaint(samples.cold[0].scripts);
for (const label of ['cold', 'warm']) {
  const runs = samples[label];
  emit(`first-contentful-paint-${label}`, median(runs.map((r) => r.paint)));
  emit(`pyodide-ready-browser-${label}`, median(runs.map((r) => r.ready)));
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.phases)))];
  for (const name of names) emit(`pyodide-phase-${label}-${name}`, median(runs.map((r) => r.phases[name])));
}

// Stop: once through the interrupt (the program ends itself), once by replacing the worker.
// (A bare `while True: pass` soon hits the engine's event budget and ends by itself.)
const BUSY = 'while True:\n    total = sum(range(200000))\n';
// One long call in C: no bytecode runs, so no KeyboardInterrupt can land; the client
// replaces the worker after its grace period.
const STUBBORN = 'total = sum(range(10 ** 15))\n';
const link = (source) => new URL(`#code=${Buffer.from(source, 'utf8').toString('base64url')}`, url).href;

async function stopAndTime(page, source) {
  await page.goto(link(source));
  const status = page.getByTestId('engine-status');
  await status.filter({ hasText: 'ready' }).waitFor({ timeout: 120_000 });
  await page.waitForTimeout(500); // the first visit's snapshot is stored
  // Status changes, timed in the page.
  await page.evaluate(() => {
    const el = globalThis.document.querySelector('[data-testid="engine-status"]');
    globalThis.__statusLog = [];
    new globalThis.MutationObserver(() => globalThis.__statusLog.push([el.textContent, performance.now()]))
      .observe(el, { childList: true, characterData: true, subtree: true });
  });
  await page.getByTestId('run').click();
  await page.getByTestId('stop').and(page.locator(':enabled')).waitFor();
  await page.waitForTimeout(300);
  const stopAt = await page.evaluate(() => performance.now());
  await page.getByTestId('stop').click();
  await page.waitForFunction(() => globalThis.__statusLog.some(([s, t]) => s === 'ready' && t > 0), null, { timeout: 30_000 });
  const log = await page.evaluate(() => globalThis.__statusLog);
  const readyAt = log.find(([s]) => s === 'ready')[1];
  const loadingAt = log.find(([s]) => s === 'loading')?.[1];
  return { stopToReady: readyAt - stopAt, restart: loadingAt === undefined ? NaN : readyAt - loadingAt };
}

{
  const { context, close } = await freshProfile();
  const page = context.pages()[0] ?? await context.newPage();
  const busy = [];
  const stubborn = [];
  for (let i = 0; i < Math.max(1, repeats); i++) {
    busy.push(await stopAndTime(page, BUSY));
    stubborn.push(await stopAndTime(page, STUBBORN));
  }
  emit('stop-busy-loop-to-ready', median(busy.map((r) => r.stopToReady)));
  emit('restart-after-stop', median(stubborn.map((r) => r.restart)));
  emit('restart-after-stop-stop-to-ready', median(stubborn.map((r) => r.stopToReady)));
  await close();
}
