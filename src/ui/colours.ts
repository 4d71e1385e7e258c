/** Each task keeps one colour everywhere: editor line, badges, cards, console tags. */
import type { LoopSnapshot, TaskView } from '../model';

const PALETTE_SIZE = 8;

export function colourClass(order: number | null | undefined): string {
  return order == null ? 'task-colour-none' : `task-colour-${order % PALETTE_SIZE}`;
}

type ColourOf = (id: string | null) => string;

const byTasks = new WeakMap<readonly TaskView[], ColourOf>();

/**
 * A lookup from task id to its colour class, one per list of tasks: the same function
 * as long as the snapshot's tasks are the same, so memoised views can depend on it.
 */
export function taskColours(snapshot: LoopSnapshot): ColourOf {
  let colourOf = byTasks.get(snapshot.tasks);
  if (!colourOf) {
    const colours = new Map(snapshot.tasks.map((x) => [x.record.id, colourClass(x.record.order)]));
    colourOf = (id) => (id === null ? colourClass(null) : colours.get(id) ?? colourClass(null));
    byTasks.set(snapshot.tasks, colourOf);
  }
  return colourOf;
}
