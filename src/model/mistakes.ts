/**
 * Common asyncio mistakes, found in any program's trace: each names the step where it
 * shows, and says what happened as a Phrase the UI words with the fix in the reader's
 * language. Pure functions of the events, so they are the same at every cursor.
 */
import type { BlockedEvent, TraceEvent } from '../trace/schema';
import { formatSeconds } from './format';
import { phrase, type Phrase } from './phrase';

export type MistakeKind = 'neverAwaited' | 'blocking' | 'lostException' | 'deadlock' | 'nestedRun';

export interface Mistake {
  readonly kind: MistakeKind;
  /** The event where it shows: the step to point at. */
  readonly cursor: number;
  readonly line: number | null;
  readonly title: Phrase;
  readonly explain: Phrase;
  readonly fix: Phrase;
}

const NEVER_AWAITED = /coroutine '([^']+)' was never awaited/;
const NESTED_RUN = 'cannot be called from a running event loop';
const LOST = 'exception was never retrieved';

function blockingFix(call: string): Phrase {
  if (call.startsWith('time.sleep')) return phrase('mistake.blocking.fixSleep');
  if (call.startsWith('requests.')) return phrase('mistake.blocking.fixRequests');
  return phrase('mistake.blocking.fixOther');
}

// Blocking is only a mistake inside a coroutine: in a worker thread, or in a plain
// script before any loop runs, nobody else is kept waiting.
function blockingInTask(ev: BlockedEvent, tasks: ReadonlySet<string>): boolean {
  return ev.task !== null && tasks.has(ev.task) && /^(time\.sleep|requests\.)/.test(ev.call);
}

function make(kind: MistakeKind, cursor: number, line: number | null, params: Record<string, string>, fix?: Phrase): Mistake {
  return {
    kind, cursor, line,
    title: phrase(`mistake.${kind}.title`),
    explain: phrase(`mistake.${kind}.explain`, params),
    fix: fix ?? phrase(`mistake.${kind}.fix`, params),
  };
}

/** The mistakes in a run, in trace order; a blocking call counts once per source line. */
export function findMistakes(events: readonly TraceEvent[]): Mistake[] {
  return new MistakeFinder().update(events);
}

const finders = new WeakMap<readonly TraceEvent[], MistakeFinder>();

/**
 * findMistakes of a trace that grows in place as its run streams in: each call reads only
 * the events added since the last (read whole at every batch, it took a fifth of the
 * page's time in a 200,000-event run). The same array back while nothing new is found.
 */
export function mistakesSoFar(events: readonly TraceEvent[]): readonly Mistake[] {
  let finder = finders.get(events);
  if (!finder) finders.set(events, (finder = new MistakeFinder()));
  return finder.update(events);
}

class MistakeFinder {
  private readonly tasks = new Set<string>();
  private readonly blockingLines = new Set<string>();
  private readonly found: Mistake[] = [];
  private shown: Mistake[] = [];
  private read = 0;

  update(events: readonly TraceEvent[]): Mistake[] {
    if (events.length < this.read) this.restart(); // cut back in place: read it again
    for (; this.read < events.length; this.read++) this.see(events[this.read]!, this.read);
    if (this.shown.length !== this.found.length) this.shown = [...this.found];
    return this.shown;
  }

  private restart(): void {
    this.tasks.clear();
    this.blockingLines.clear();
    this.found.length = 0;
    this.shown = [];
    this.read = 0;
  }

  private see(ev: TraceEvent, cursor: number): void {
    const found = this.found;
    switch (ev.kind) {
      case 'task-created':
        this.tasks.add(ev.id);
        break;
      case 'warning': {
        const coro = NEVER_AWAITED.exec(ev.message)?.[1];
        if (coro !== undefined) found.push(make('neverAwaited', cursor, ev.line, { coro }));
        else if (ev.message.includes(LOST)) {
          const detail = ev.message.split(`${LOST}:`)[1]?.trim() ?? ev.message;
          found.push(make('lostException', cursor, ev.line, { detail }));
        }
        break;
      }
      case 'blocked': {
        if (!blockingInTask(ev, this.tasks)) break;
        const where = `${ev.line}:${ev.call.split('(')[0]}`;
        if (this.blockingLines.has(where)) break;
        this.blockingLines.add(where);
        const call = ev.call.split(' — ')[0];
        found.push(make('blocking', cursor, ev.line, { call, task: ev.task ?? '', dur: formatSeconds(ev.dur) }, blockingFix(ev.call)));
        break;
      }
      case 'error':
        if (ev.excType === 'Deadlock') {
          const detail = ev.message.split('\n').slice(1).map((s) => s.trim()).join('; ');
          found.push(make('deadlock', cursor, ev.line, { detail }));
        } else if (ev.excType === 'RuntimeError' && ev.message.includes(NESTED_RUN)) {
          found.push(make('nestedRun', cursor, ev.line, {}));
        }
        break;
      default:
        break;
    }
  }
}
