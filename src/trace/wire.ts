/**
 * The engine sends each event as a positional list, [kind, t, line, ...fields], because
 * building and encoding lists in Python costs a fraction of dicts. The loop iteration and
 * the running task change far less often than events come, so they travel as context
 * records, ['@', it, task], that hold until the next one; sequence numbers are implicit.
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

const COMMON = 3;
const CONTEXT = '@';

function frames(raw: unknown): ChainFrame[] {
  if (!Array.isArray(raw)) throw new TraceFormatError('frames must be a list');
  return raw.map((f) => {
    if (!Array.isArray(f) || typeof f[0] !== 'string' || typeof f[1] !== 'number') {
      throw new TraceFormatError('bad frame');
    }
    return { fn: f[0], line: f[1], user: f[2] === true };
  });
}

/**
 * Turns the engine's wire lists back into events, one run at a time: it carries the
 * context (sequence number, iteration, task) from one batch to the next.
 */
export class WireDecoder {
  private seq = 0;
  private it = 0;
  private task: string | null = null;

  /** Decodes one batch; the events come out numbered on from the previous batch. */
  decode(batch: unknown): TraceEvent[] {
    if (!Array.isArray(batch)) throw new TraceFormatError('batch is not a list');
    const events: TraceEvent[] = [];
    for (const raw of batch) {
      if (!Array.isArray(raw)) throw new TraceFormatError('event is not a list');
      if (raw[0] === CONTEXT) {
        const [, it, task] = raw as unknown[];
        if (typeof it !== 'number' || (task !== null && typeof task !== 'string')) {
          throw new TraceFormatError('bad context record');
        }
        this.it = it;
        this.task = task;
        continue;
      }
      events.push(this.event(raw));
    }
    return events;
  }

  private event(raw: unknown[]): TraceEvent {
    const kind = raw[0] as EventKind;
    const names = EVENT_FIELDS[kind];
    if (!names) throw new TraceFormatError(`unknown event kind ${String(raw[0])}`);
    if (raw.length !== COMMON + names.length) {
      throw new TraceFormatError(`${kind} event has ${raw.length} values, expected ${COMMON + names.length}`);
    }
    const ev: Record<string, unknown> = {
      seq: this.seq++, t: raw[1], it: this.it, task: this.task, line: raw[2], kind,
    };
    for (let i = 0; i < names.length; i++) ev[names[i]!] = raw[COMMON + i];
    if (kind === 'suspend') ev.chain = frames(ev.chain);
    if (kind === 'error') ev.frames = frames(ev.frames);
    return ev as unknown as TraceEvent;
  }
}
