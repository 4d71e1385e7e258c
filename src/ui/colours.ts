/** Each task keeps one colour everywhere: editor line, badges, cards, console tags. */
import type { LoopSnapshot, TaskView } from '../model';

const PALETTE_SIZE = 8;

export function colourClass(order: number | null | undefined): string {
  return order == null ? 'task-colour-none' : `task-colour-${order % PALETTE_SIZE}`;
}

const byTasks = new WeakMap<readonly TaskView[], Map<string, string>>();

/** A lookup from task id to its colour class, built once per snapshot. */
export function taskColours(snapshot: LoopSnapshot): (id: string | null) => string {
  let colours = byTasks.get(snapshot.tasks);
  if (!colours) {
    colours = new Map(snapshot.tasks.map((x) => [x.record.id, colourClass(x.record.order)]));
    byTasks.set(snapshot.tasks, colours);
  }
  const found = colours;
  return (id) => (id === null ? colourClass(null) : found.get(id) ?? colourClass(null));
}
