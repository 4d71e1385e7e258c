/**
 * The engine sends each event as a positional list, [kind, seq, t, it, task, line,
 * ...fields], because building and encoding lists in Python costs a fraction of dicts.
 * This table names the fields; it must match FIELDS in src/engine/py/loopscope/trace.py.
 */
import type { ChainFrame, EventKind, TraceEvent } from './schema';

export const EVENT_FIELDS: Record<EventKind, readonly string[]> = {
  'loop': ['action', 'loop'],
  'task-created': ['id', 'coro', 'parent', 'internal'],
  'schedule': ['handle', 'queue', 'when', 'label', 'cause', 'target'],
  'unschedule': ['handle', 'queue', 'by'],
  'callback': ['handle', 'label', 'target'],
  'resume': ['id', 'by', 'value', 'exc'],
  'suspend': ['id', 'awaits', 'wait', 'on', 'until', 'chain'],
  'task-done': ['id', 'state', 'result', 'exc'],
  'future-created': ['fut', 'value'],
  'future-resolved': ['fut', 'value'],
  'future-cancelled': ['fut', 'value'],
  'cancel': ['id', 'by', 'msg'],
  'clock': ['from', 'to'],
  'blocked': ['call', 'dur'],
  'io': ['phase', 'io', 'what', 'dur'],
  'output': ['stream', 'text'],
  'warning': ['category', 'message', 'legacy'],
  'error': ['excType', 'message', 'traceback', 'frames'],
  'line': [],
  'end': ['status', 'exitCode', 'message'],
};

export class TraceFormatError extends Error {}

const COMMON = 6;

function frames(raw: unknown): ChainFrame[] {
  if (!Array.isArray(raw)) throw new TraceFormatError('frames must be a list');
  return raw.map((f) => {
    if (!Array.isArray(f) || typeof f[0] !== 'string' || typeof f[1] !== 'number') {
      throw new TraceFormatError('bad frame');
    }
    return { fn: f[0], line: f[1], user: f[2] === true };
  });
}

/** One wire list → one event object. Checks shape; the caller checks sequence. */
export function decodeEvent(raw: unknown): TraceEvent {
  if (!Array.isArray(raw)) throw new TraceFormatError('event is not a list');
  const kind = raw[0] as EventKind;
  const names = EVENT_FIELDS[kind];
  if (!names) throw new TraceFormatError(`unknown event kind ${String(raw[0])}`);
  if (raw.length !== COMMON + names.length) {
    throw new TraceFormatError(`${kind} event has ${raw.length} values, expected ${COMMON + names.length}`);
  }
  const ev: Record<string, unknown> = { seq: raw[1], t: raw[2], it: raw[3], task: raw[4], line: raw[5], kind };
  for (let i = 0; i < names.length; i++) ev[names[i]!] = raw[COMMON + i];
  if (kind === 'suspend') ev.chain = frames(ev.chain);
  if (kind === 'error') ev.frames = frames(ev.frames);
  return ev as unknown as TraceEvent;
}
