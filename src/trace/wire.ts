/**
 * The engine sends each event as a positional list, [kind, t, line, ...fields], because
 * building and encoding lists in Python costs a fraction of dicts. The loop iteration and
 * the running task change far less often than events come, so they travel as context
 * records, ['@', it, task], that hold until the next one; sequence numbers are implicit.
 * This table names the fields; it must match FIELDS in src/engine/py/loopscope/trace.py.
 */
import { TraceFormatError } from './errors';
import { forEachRecord } from './marshal';
import { formatFixed, formatG, formatGeneral, remembered, shortWait } from './pyformat';
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

export { TraceFormatError };

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
 * Shorthand records for the commonest events; must match COMPACT in trace.py. Each
 * expands into the events it stands for (see `expand`).
 */
export const COMPACT_FIELDS = {
  n: ['handle', 'id', 'coro', 'internal'],
  s: ['handle', 'id', 'cause'],
  r: ['handle', 'cancel', 'msg', 'value', 'exc'],
  c: ['handle'],
  d: ['handle'],
  z: ['handle', 'when', 'delay'],
  S: ['id', 'delay', 'until', 'chain'],
} as const;
type CompactKind = keyof typeof COMPACT_FIELDS;

/** What the decoder remembers of a handle between its schedule and its callback. */
interface Scheduled { label: string; target: string | null; when: number | null }

/**
 * Turns the engine's wire lists back into events, one run at a time: it carries the
 * context (sequence number, iteration, task) from one batch to the next, and what the
 * compact records leave out: each handle's label, each task's wait and parked line.
 */
export class WireDecoder {
  private seq = 0;
  private it = 0;
  private task: string | null = null;
  private readonly scheduled = new Map<number, Scheduled>();
  /** What each suspended task awaits, in short ("sleep(1)", "Task-3"), for causes. */
  private readonly awaiting = new Map<string, string>();
  /** Where each suspended task is parked (its innermost user line). */
  private readonly parked = new Map<string, number>();
  /** A sleep's delay as Python writes it, in suspends ('.12g') and timer labels ('g'). */
  private readonly delayText = remembered((x) => formatGeneral(x, 12));
  private readonly delayShort = remembered(formatG);

  /** Decodes one batch; the events come out numbered on from the previous batch. */
  decode(batch: unknown): TraceEvent[] {
    if (!Array.isArray(batch)) throw new TraceFormatError('batch is not a list');
    const events: TraceEvent[] = [];
    for (const raw of batch) {
      if (!Array.isArray(raw)) throw new TraceFormatError('event is not a list');
      this.record(raw, raw.length, events);
    }
    return events;
  }

  /** Decodes one marshalled batch straight from its bytes (the engine's hot path). */
  decodeBytes(bytes: Uint8Array): TraceEvent[] {
    const events: TraceEvent[] = [];
    forEachRecord(bytes, (raw, n) => this.record(raw, n, events));
    return events;
  }

  /** One record: its values are raw[0..n) (raw may be longer: a reused array). */
  private record(raw: unknown[], n: number, out: TraceEvent[]): void {
    const kind = raw[0] as string;
    if (kind === CONTEXT) {
      const it = raw[1];
      const task = raw[2];
      if (n !== 3 || typeof it !== 'number' || (task !== null && typeof task !== 'string')) {
        throw new TraceFormatError('bad context record');
      }
      this.it = it;
      this.task = task;
    } else if (Object.hasOwn(COMPACT_FIELDS, kind)) {
      this.expand(kind as CompactKind, raw, n, out);
    } else {
      out.push(this.observe(this.event(raw, n)));
    }
  }

  private event(raw: unknown[], n: number): TraceEvent {
    const kind = raw[0] as EventKind;
    const names = Object.hasOwn(EVENT_FIELDS, kind) ? EVENT_FIELDS[kind] : undefined;
    if (!names) throw new TraceFormatError(`unknown event kind ${String(raw[0])}`);
    if (n !== COMMON + names.length) {
      throw new TraceFormatError(`${kind} event has ${n} values, expected ${COMMON + names.length}`);
    }
    const ev = this.base(kind, raw[1], raw[2]) as Record<string, unknown>;
    for (let i = 0; i < names.length; i++) ev[names[i]!] = raw[COMMON + i];
    if (kind === 'suspend') ev.chain = frames(ev.chain);
    if (kind === 'error') ev.frames = frames(ev.frames);
    return ev as unknown as TraceEvent;
  }

  // Events are built as literals with their fields in one order per kind, so V8 gives
  // each kind one hidden class: decoding is a hot path at 100,000s of events a second.
  private base(kind: string, t: unknown, line: unknown): Record<string, unknown> {
    return { seq: this.seq++, t, it: this.it, task: this.task, line, kind };
  }

  private schedule(t: number, line: unknown, handle: number, queue: string, when: unknown,
    label: string, cause: string, target: string | null): TraceEvent {
    this.scheduled.set(handle, { label, target, when: when as number | null });
    return {
      seq: this.seq++, t, it: this.it, task: this.task, line, kind: 'schedule',
      handle, queue, when, label, cause, target,
    } as TraceEvent;
  }

  private callback(t: number, line: unknown, handle: number, label: string, target: string | null): TraceEvent {
    return {
      seq: this.seq++, t, it: this.it, task: this.task, line, kind: 'callback', handle, label, target,
    } as TraceEvent;
  }

  /** Remembers what later compact records will need. */
  private observe(ev: TraceEvent): TraceEvent {
    if (ev.kind === 'schedule') {
      this.scheduled.set(ev.handle, { label: ev.label, target: ev.target, when: ev.when });
    } else if (ev.kind === 'callback' || ev.kind === 'unschedule') {
      this.scheduled.delete(ev.handle);
    } else if (ev.kind === 'suspend') {
      this.awaiting.set(ev.id, shortWait(ev.awaits));
      if (ev.line !== null) this.parked.set(ev.id, ev.line);
    }
    return ev;
  }

  private expand(kind: CompactKind, raw: unknown[], n: number, out: TraceEvent[]): void {
    const names = COMPACT_FIELDS[kind];
    if (n !== COMMON + names.length || typeof raw[COMMON] !== (kind === 'S' ? 'string' : 'number')) {
      throw new TraceFormatError(`bad ${kind} record`);
    }
    const [, t, line, handle, a, b, c, d] = raw as [unknown, number, number | null, number, ...unknown[]];
    switch (kind) {
      case 'n': {
        const id = a as string;
        const parent = this.task;
        out.push({
          seq: this.seq++, t, it: this.it, task: this.task, line, kind: 'task-created',
          id, coro: b as string, parent, internal: c as boolean,
        });
        out.push(this.schedule(t, line, handle, 'ready', null, `Task ${id} step`,
          parent ? `created by ${parent}` : 'created at top level', id));
        return;
      }
      case 's': {
        const id = a as string;
        const what = this.awaiting.get(id) ?? 'what it awaited';
        const cause = b === 'w' ? `${what} done → wake ${id}` : b === 'x' ? `${what} cancelled → wake ${id}`
          : b === 'y' ? `${id} yielded to the loop` : `${id} step`;
        out.push(this.schedule(t, line, handle, 'ready', null, `Task ${id} step`, cause, id));
        return;
      }
      case 'r': {
        const { label, target } = this.take(handle);
        const id = target ?? '';
        const at = this.parked.get(id) ?? null;
        this.parked.delete(id);
        const by = this.awaiting.get(id) ?? null;
        this.awaiting.delete(id);
        out.push(this.callback(t, at, handle, label, target));
        if (a === true) {
          out.push({ seq: this.seq++, t, it: this.it, task: this.task, line: at, kind: 'cancel', id, by: null,
            msg: b as string | null });
        }
        out.push({ seq: this.seq++, t, it: this.it, task: this.task, line: at, kind: 'resume', id, by,
          value: c as string | null, exc: d as string | null });
        return;
      }
      case 'c': {
        const { label, target } = this.take(handle);
        out.push(this.callback(t, line, handle, label, target));
        return;
      }
      case 'd': {
        const { label, target, when } = this.known(handle);
        out.push(this.schedule(t, line, handle, 'ready', null, label,
          `timer due at t=${formatG(when ?? t)}`, target));
        return;
      }
      case 'S': {
        // What describe.py's _sleep writes: "sleep(0.25) until t=1.25".
        const id = handle as unknown as string;
        const delay = typeof a === 'string' ? a : this.delayText(a as number);
        const awaits = `sleep(${delay}) until t=${formatFixed(b as number, 3).replace(/0+$/, '').replace(/\.$/, '')}`;
        out.push(this.observe({
          seq: this.seq++, t, it: this.it, task: this.task, line, kind: 'suspend',
          id, awaits, wait: 'sleep', on: [], until: b as number, chain: frames(c),
        }));
        return;
      }
      case 'z': {
        const who = this.task ?? 'top level';
        const delay = this.delayShort(b as number);
        out.push(this.schedule(t, line, handle, 'timer', a, `sleep(${delay}) timer of ${who}`,
          `${who} awaits asyncio.sleep(${delay})`, null));
        return;
      }
    }
  }

  private known(handle: number): Scheduled {
    const entry = this.scheduled.get(handle);
    if (!entry) throw new TraceFormatError(`handle ${handle} runs but was never scheduled`);
    return entry;
  }

  private take(handle: number): Scheduled {
    const entry = this.known(handle);
    this.scheduled.delete(handle);
    return entry;
  }
}
