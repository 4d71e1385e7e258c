/** Each task keeps one colour everywhere: editor line, badges, cards, console tags. */
import type { LoopSnapshot, TaskView } from '../model';

const PALETTE_SIZE = 8;

export function colourClass(order: number | null | undefined): string {
  return order == null ? 'task-colour-none' : `task-colour-${order % PALETTE_SIZE}`;
}

type ColourOf = (id: string | null) => string;

const byTasks = new WeakMap<readonly TaskView[], ColourOf>();
// The list the last lookup was built from: a step that changes a task's state hands out
// a new list of the same tasks, whose colours are the same.
let lastTasks: readonly TaskView[] = [];
let lastColourOf: ColourOf | null = null;

function sameTasks(a: readonly TaskView[], b: readonly TaskView[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].record.id !== b[i].record.id || a[i].record.order !== b[i].record.order) return false;
  }
  return true;
}

/**
 * A lookup from task id to its colour class: the same function as long as the snapshot
 * holds the same tasks (ids and order), so memoised views can depend on it.
 */
export function taskColours(snapshot: LoopSnapshot): ColourOf {
  let colourOf = byTasks.get(snapshot.tasks);
  if (!colourOf) {
    if (lastColourOf && sameTasks(lastTasks, snapshot.tasks)) {
      colourOf = lastColourOf;
    } else {
      const colours = new Map(snapshot.tasks.map((x) => [x.record.id, colourClass(x.record.order)]));
      colourOf = (id) => (id === null ? colourClass(null) : colours.get(id) ?? colourClass(null));
    }
    byTasks.set(snapshot.tasks, colourOf);
    lastTasks = snapshot.tasks;
    lastColourOf = colourOf;
  }
  return colourOf;
}
