/**
 * A saved run: `{version, program: {source, filename}, options, summary, events}`, the
 * same shape `loopscope run --trace` writes, so either side opens the other's files.
 */
import {
  TRACE_VERSION, type RunOptions, type RunSummary, type TraceEvent,
} from '../trace/schema';
import { checkBatch, parseSummary, TraceFormatError } from '../trace/validate';

export interface TraceFile {
  version: number;
  program: { source: string; filename: string };
  options: RunOptions | null;
  summary: RunSummary;
  events: TraceEvent[];
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** How a saved run ended, from its `end` event when the file has no summary. */
function summaryOf(events: readonly TraceEvent[]): RunSummary {
  const last = events[events.length - 1];
  const end = last?.kind === 'end' ? last : null;
  return {
    status: end?.status ?? 'stopped',
    exitCode: end?.exitCode ?? 3,
    message: end?.message ?? 'The saved trace ends before the run did.',
    events: events.length,
    virtualTime: last?.t ?? 0,
    wallMs: 0,
  };
}

function checkSummary(x: unknown, events: readonly TraceEvent[]): RunSummary {
  try {
    return x === undefined ? summaryOf(events) : parseSummary(JSON.stringify(x));
  } catch {
    return summaryOf(events);
  }
}

/** The run saved in `text`; throws a TraceFormatError saying what is wrong. */
export function parseTraceFile(text: string): TraceFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new TraceFormatError('the file is not JSON');
  }
  if (!isRecord(data)) throw new TraceFormatError('the file is not a Loopscope trace');
  if (data.version !== TRACE_VERSION) {
    throw new TraceFormatError(`the trace has version ${JSON.stringify(data.version)?.slice(0, 20)}; this Loopscope reads version ${TRACE_VERSION}`);
  }
  const program = typeof data.program === 'string' ? { source: data.program, filename: 'main.py' } : data.program;
  if (!isRecord(program) || typeof program.source !== 'string') throw new TraceFormatError('the trace has no program text');
  if (!Array.isArray(data.events)) throw new TraceFormatError('the trace has no list of events');
  if (data.events.length > 0 && (data.events[0] as { seq?: unknown })?.seq !== 0) {
    throw new TraceFormatError('the trace does not start at its first event');
  }
  const events = checkBatch(data.events);
  return {
    version: TRACE_VERSION,
    program: { source: program.source, filename: typeof program.filename === 'string' ? program.filename : 'main.py' },
    options: isRecord(data.options) ? (data.options as unknown as RunOptions) : null,
    summary: checkSummary(data.summary, events),
    events,
  };
}

/** The JSON text of a saved run. */
export function traceFileJson(file: Omit<TraceFile, 'version'>): string {
  return JSON.stringify({ version: TRACE_VERSION, ...file });
}
