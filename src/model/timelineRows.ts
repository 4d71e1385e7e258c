/** The order lanes are shown in: the loop, then tasks by creation, children under their creator. */
import { LOOP_LANE, type Timeline, type TimelineLane } from './timeline';

export interface LaneRow {
  readonly lane: TimelineLane;
  /** Nesting under creators: 0 for the loop and top-level tasks. */
  readonly depth: number;
  /** Tasks it created (shown or folded). */
  readonly children: number;
  readonly collapsed: boolean;
}

/**
 * Rows depth-first by creator, children in creation order. Descendants of a lane in
 * `collapsed` are left out; `showInternal` keeps asyncio.run's own clean-up tasks.
 */
export function laneRows(timeline: Timeline, collapsed: ReadonlySet<string> = new Set(), showInternal = false): LaneRow[] {
  const shown = timeline.lanes.filter((lane) => lane.id !== LOOP_LANE && (showInternal || !lane.internal));
  const ids = new Set(shown.map((lane) => lane.id));
  const children = new Map<string | null, TimelineLane[]>();
  for (const lane of shown) {
    const parent = lane.parent !== null && ids.has(lane.parent) ? lane.parent : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(lane);
    else children.set(parent, [lane]);
  }
  const rows: LaneRow[] = [];
  const loop = timeline.lanes.find((lane) => lane.id === LOOP_LANE);
  if (loop) rows.push({ lane: loop, depth: 0, children: 0, collapsed: false });
  // An explicit stack: a chain of 2,000 nested tasks must not overflow the call stack.
  const stack: { lane: TimelineLane; depth: number }[] = (children.get(null) ?? []).map((lane) => ({ lane, depth: 0 })).reverse();
  while (stack.length > 0) {
    const { lane, depth } = stack.pop()!;
    const kids = children.get(lane.id) ?? [];
    const folded = collapsed.has(lane.id);
    rows.push({ lane, depth, children: kids.length, collapsed: folded && kids.length > 0 });
    if (!folded) for (let i = kids.length - 1; i >= 0; i--) stack.push({ lane: kids[i], depth: depth + 1 });
  }
  return rows;
}
