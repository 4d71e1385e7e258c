/**
 * Checks at the boundary: what crosses from Python (or from a saved file) is only
 * trusted after these. Cheap enough to run on every batch.
 */
import { EVENT_KINDS, type RunSummary, type TraceEvent } from './schema';
import { TraceFormatError, WireDecoder } from './wire';

export { TraceFormatError };

const KINDS = new Set<string>(EVENT_KINDS);
const STATUSES = new Set(['finished', 'raised', 'deadlock', 'limit', 'stopped', 'syntax-error']);

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Validates the fields every event has; kind-specific fields are trusted from the engine. */
export function checkEvent(x: unknown, expectedSeq?: number): TraceEvent {
  if (!isRecord(x)) throw new TraceFormatError('event is not an object');
  const { seq, t, it, kind, task, line } = x;
  if (typeof seq !== 'number' || (expectedSeq !== undefined && seq !== expectedSeq)) {
    throw new TraceFormatError(`event seq ${String(seq)} out of order (expected ${expectedSeq})`);
  }
  if (typeof t !== 'number' || !Number.isFinite(t)) throw new TraceFormatError(`event ${seq}: bad time`);
  if (typeof it !== 'number') throw new TraceFormatError(`event ${seq}: bad iteration`);
  if (typeof kind !== 'string' || !KINDS.has(kind)) {
    throw new TraceFormatError(`event ${seq}: unknown kind ${String(kind)}`);
  }
  if (task !== null && typeof task !== 'string') throw new TraceFormatError(`event ${seq}: bad task`);
  if (line !== null && typeof line !== 'number') throw new TraceFormatError(`event ${seq}: bad line`);
  return x as unknown as TraceEvent;
}

/** A parser for one run's marshalled batches: each call decodes and checks the next one. */
export function batchParser(): (bytes: Uint8Array) => TraceEvent[] {
  const decoder = new WireDecoder();
  return (bytes) => checkBatch(decoder.decodeBytes(bytes));
}

/** Checks the common fields and that the events follow each other without gaps. */
export function checkBatch(events: TraceEvent[]): TraceEvent[] {
  const first = events[0]?.seq ?? 0;
  for (let i = 0; i < events.length; i++) checkEvent(events[i], first + i);
  return events;
}

export function parseSummary(json: string): RunSummary {
  const data: unknown = JSON.parse(json);
  if (!isRecord(data) || typeof data.status !== 'string' || !STATUSES.has(data.status)
    || typeof data.exitCode !== 'number' || typeof data.events !== 'number') {
    throw new TraceFormatError('malformed run summary');
  }
  return data as unknown as RunSummary;
}
