import type { TaskView } from '../../model';

export interface Placed { view: TaskView; depth: number }

/** Depth-first by creator, so children (gather, TaskGroup, create_task) sit under their parent. */
export function placeByCreator(tasks: readonly TaskView[]): Placed[] {
  const visible = tasks.filter((x) => !x.record.internal);
  const ids = new Set(visible.map((x) => x.record.id));
  const children = new Map<string | null, TaskView[]>();
  for (const view of visible) {
    const parent = view.record.parent !== null && ids.has(view.record.parent) ? view.record.parent : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(view);
    else children.set(parent, [view]);
  }
  // An explicit stack, not recursion: a task that awaits a task it creates, forever,
  // makes a chain of creators tens of thousands deep, past the browser's call stack.
  const placed: Placed[] = [];
  const pending: Placed[] = [];
  const pushChildren = (parent: string | null, depth: number) => {
    const kids = children.get(parent) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) pending.push({ view: kids[i], depth });
  };
  pushChildren(null, 0);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    placed.push(next);
    pushChildren(next.view.record.id, next.depth + 1);
  }
  return placed;
}
