/**
 * Marked steps: an example names the moments worth stopping at by a rule over the
 * trace ("the first clock jump", "when Task-2 is cancelled"), never by step number —
 * numbers shift whenever the engine traces a little more or less.
 */
import type { EventKind, TraceEvent } from '../trace/schema';

export interface MarkRule {
  /** The kind of event to stop at. */
  kind: EventKind;
  /** Only events of this task (the event's own task id for task events, else the running task). */
  task?: string;
  /** Only events whose describing text (output, awaits, call, message, label…) contains this. */
  text?: string;
  /** Which match: 1 = the first (default), -1 = the last, 'all' = every one. */
  nth?: number | 'all';
}

/** The task an event is about: task events name it in `id`, the rest run inside one. */
function taskOf(ev: TraceEvent): string | null {
  return 'id' in ev && typeof ev.id === 'string' ? ev.id : ev.task;
}

/** The words a rule's `text` is matched against. */
function textOf(ev: TraceEvent): string {
  switch (ev.kind) {
    case 'output': return ev.text;
    case 'suspend': return ev.awaits;
    case 'blocked': return ev.call;
    case 'warning': return ev.message;
    case 'error': return `${ev.excType}: ${ev.message}`;
    case 'schedule': case 'callback': return ev.label;
    case 'task-created': return ev.coro;
    case 'task-done': return `${ev.state} ${ev.result ?? ''} ${ev.exc ?? ''}`;
    case 'cancel': return ev.msg ?? '';
    case 'io': return ev.what;
    case 'loop': return ev.action;
    default: return '';
  }
}

function matches(ev: TraceEvent, rule: MarkRule): boolean {
  if (ev.kind !== rule.kind) return false;
  if (rule.task !== undefined && taskOf(ev) !== rule.task) return false;
  return rule.text === undefined || textOf(ev).includes(rule.text);
}

export interface FoundMark {
  /** The cursor position (event index) of the marked step. */
  readonly cursor: number;
  /** Which rule of the example found it (its label is the example's). */
  readonly rule: number;
}

/** Every marked step the rules find in `events`, by cursor, without duplicates. */
export function findMarks(events: readonly TraceEvent[], rules: readonly MarkRule[]): FoundMark[] {
  const found = new Map<number, FoundMark>();
  rules.forEach((rule, index) => {
    const hits: number[] = [];
    events.forEach((ev, cursor) => { if (matches(ev, rule)) hits.push(cursor); });
    const nth = rule.nth ?? 1;
    const chosen = nth === 'all' ? hits : [hits.at(nth > 0 ? nth - 1 : nth)].filter((x): x is number => x !== undefined);
    for (const cursor of chosen) if (!found.has(cursor)) found.set(cursor, { cursor, rule: index });
  });
  return [...found.values()].sort((a, b) => a.cursor - b.cursor);
}

/** The nearest mark after (`direction` 1) or before (-1) `cursor`, or null. */
export function nextMark(marks: readonly FoundMark[], cursor: number, direction: 1 | -1): FoundMark | null {
  if (direction === 1) return marks.find((m) => m.cursor > cursor) ?? null;
  return marks.findLast((m) => m.cursor < cursor) ?? null;
}
