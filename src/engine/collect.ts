/** Runs a program to the end and keeps everything: for tests, benchmarks and exports. */
import { DEFAULT_RUN_OPTIONS, type RunOptions, type RunSummary, type TraceEvent } from '../trace/schema';
import type { Engine } from './host';

export interface CollectedRun {
  events: TraceEvent[];
  summary: RunSummary;
  stdout: string;
  stderr: string;
}

export function runAndCollect(engine: Engine, source: string,
  options: Partial<RunOptions> = {}, filename = 'main.py'): CollectedRun {
  const events: TraceEvent[] = [];
  const summary = engine.run(source, filename, { ...DEFAULT_RUN_OPTIONS, ...options },
    (batch) => { for (const ev of batch) events.push(ev); });
  let stdout = '';
  let stderr = '';
  for (const ev of events) {
    if (ev.kind !== 'output') continue;
    if (ev.stream === 'stdout') stdout += ev.text;
    else stderr += ev.text;
  }
  return { events, summary, stdout, stderr };
}
