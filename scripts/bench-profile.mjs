// Where the time and the memory go, for a benchmark that misses its target: summaries of
// V8's CPU profile and sampling heap profile, taken over the DevTools protocol and
// printed to stderr (the figures on stdout stay JSON lines). Off unless BENCH_PROFILE=1.

export const PROFILING = process.env.BENCH_PROFILE === '1';

const where = (frame) =>
  `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;

function printTop(title, totals, unit, count = 15) {
  const rows = [...totals].sort((a, b) => b[1] - a[1]).slice(0, count);
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  console.error(`${title} (total ${all.toFixed(1)} ${unit}):`);
  for (const [name, value] of rows) {
    console.error(`  ${value.toFixed(1).padStart(9)} ${unit}  ${(100 * value / all).toFixed(1).padStart(5)}%  ${name}`);
  }
}

/** Runs `action` under the CPU profiler and prints the functions with the most self time. */
export async function profileCpu(cdp, title, action) {
  if (!PROFILING) return action();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await action();
  const { profile } = await cdp.send('Profiler.stop');
  const selfMs = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const name = where(byId.get(id).callFrame);
    selfMs.set(name, (selfMs.get(name) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  });
  printTop(`cpu profile: ${title}`, selfMs, "ms", Number(process.env.BENCH_PROFILE_TOP ?? 15));
  return result;
}

/**
 * Samples allocations from now until `stop()`; then prints the allocation sites whose
 * objects are still alive (after a full collection), by the bytes they hold, each with
 * its nearest caller too: the site alone is often a generic helper.
 */
export async function profileHeap(cdp) {
  if (!PROFILING) return { stop: async () => {} };
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', { samplingInterval: 16384 });
  return {
    async stop(title) {
      await cdp.send('HeapProfiler.collectGarbage');
      const { profile } = await cdp.send('HeapProfiler.stopSampling');
      const bytes = new Map();
      const walk = (node, caller) => {
        const site = `${where(node.callFrame)}  ← ${caller}`;
        if (node.selfSize > 0) bytes.set(site, (bytes.get(site) ?? 0) + node.selfSize / 1e6);
        for (const child of node.children) walk(child, where(node.callFrame));
      };
      walk(profile.head, '(root)');
      printTop(`live heap by allocation site: ${title}`, bytes, 'MB', 20);
    },
  };
}
