/**
 * Keeping the previous step's objects where nothing changed. Replaying from a checkpoint
 * rebuilds task records and queue items as new objects even when their content is the
 * same, so identity alone would say "changed" for every task touched since the
 * checkpoint; these compare content, and hand back the old object when it is equal.
 */
import type { IoItem, LoopState, TaskRecord } from './state';
import type { TaskState, TaskView } from './snapshot';

/** The same scheduled handles in the same order (a handle's `seq` names the event that queued it). */
export function sameScheduled(a: readonly { seq: number }[], b: readonly { seq: number }[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].seq !== b[i].seq) return false;
  return true;
}

export function sameIo(a: readonly IoItem[], b: readonly IoItem[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].io !== b[i].io || a[i].since !== b[i].since) return false;
  return true;
}

function sameCancel(a: TaskRecord['cancelRequested'], b: TaskRecord['cancelRequested']): boolean {
  return a === b || (a !== null && b !== null && a.by === b.by && a.msg === b.msg);
}

const isEmptyList = (x: unknown) => Array.isArray(x) && x.length === 0;

// Every field is a primitive or comes from one trace event (the same array objects),
// except what applyEvent builds afresh on each replay: the cancel request and the
// emptied `on` and `chain` lists.
function sameRecord(a: TaskRecord, b: TaskRecord): boolean {
  if (a === b) return true;
  for (const key of Object.keys(a) as (keyof TaskRecord)[]) {
    if (key === 'cancelRequested') {
      if (!sameCancel(a.cancelRequested, b.cancelRequested)) return false;
    } else if (a[key] !== b[key] && !(isEmptyList(a[key]) && isEmptyList(b[key]))) {
      return false;
    }
  }
  return true;
}

/**
 * The task views of `state`, in creation order, reusing `previous` views (and the whole
 * previous array) where a task's record and state are unchanged.
 */
export function taskViews(
  state: LoopState,
  queued: ReadonlySet<string>,
  previous: readonly TaskView[],
  stateOf: (record: TaskRecord, state: LoopState, queued: ReadonlySet<string>) => TaskState,
): readonly TaskView[] {
  const views: TaskView[] = [];
  let unchanged = state.tasks.size === previous.length;
  let i = 0;
  for (const record of state.tasks.values()) {
    const taskState = stateOf(record, state, queued);
    const before = previous[i++] as TaskView | undefined;
    if (before && before.state === taskState && sameRecord(before.record, record)) {
      views.push(before);
    } else {
      views.push({ record, state: taskState });
      unchanged = false;
    }
  }
  return unchanged ? previous : views;
}
