// Memory figures of the tab for the browser benchmarks, from the DevTools protocol and
// from Linux itself: the page's JS heap, the engine worker's JS heap, and the resident
// memory of the renderer process that holds both (and Pyodide's WebAssembly memory,
// which lives outside any JS heap).
import { readFileSync } from 'node:fs';

/** The page's JS heap in use, in bytes; after a full collection when `collect` is set. */
export async function pageHeap(cdp, { collect = false } = {}) {
  if (collect) await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/**
 * A protocol session to the engine's worker (the one that loads Pyodide, not Monaco's):
 * Playwright opens no sessions to workers, so this attaches through the browser's
 * session and passes messages through it, as DevTools did before flat sessions.
 */
export async function workerSession(browser) {
  const browserCdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await browserCdp.send('Target.getTargets');
  const engine = targetInfos.find((t) => t.type === 'worker' && /\/worker-[^/]*\.js$/.test(t.url));
  if (!engine) return null;
  const { sessionId } = await browserCdp.send('Target.attachToTarget', { targetId: engine.targetId, flatten: false });
  const waiting = new Map();
  let nextId = 1;
  browserCdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message);
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  return {
    async send(method, params = {}) {
      const id = nextId++;
      const reply = new Promise((resolve) => waiting.set(id, resolve));
      await browserCdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      const { result, error } = await reply;
      if (error) throw new Error(`${method}: ${error.message}`);
      return result;
    },
  };
}

/** Resident memory now and at its peak (VmRSS, VmHWM) of a process, in bytes. */
export function processMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/**
 * The renderer process of the tab: of the browser's renderers (the tab's, a spare one,
 * the omnibox's), the one with the most resident memory once Pyodide has loaded.
 */
export async function tabRenderer(browser) {
  const browserCdp = await browser.newBrowserCDPSession();
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
  const renderers = processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  return renderers.sort((a, b) => processMemory(b).rss - processMemory(a).rss)[0] ?? null;
}

/** Polls `read` every `everyMs` until stopped; keeps the largest value it saw. */
export function peakSampler(read, everyMs = 250) {
  let peak = 0;
  let live = true;
  const done = (async () => {
    while (live) {
      peak = Math.max(peak, await read().catch(() => 0));
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      live = false;
      await done;
      return peak;
    },
  };
}

export const MB = 1e6;
