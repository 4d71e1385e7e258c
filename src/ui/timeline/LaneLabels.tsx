import { memo } from 'react';
import { LOOP_LANE } from '../../model/timeline';
import type { LaneRow } from '../../model/timelineRows';
import { colourClass } from '../colours';

const END_MARK = { done: '✓', failed: '✗', cancelled: '⊘' } as const;

/** One DOM label per lane (the plot itself is a canvas), indented under its creator. */
export const LaneLabels = memo(function LaneLabels({ rows, onToggle }: { rows: readonly LaneRow[]; onToggle: (id: string) => void }) {
  return rows.map(({ lane, depth, children, collapsed }) => {
    const loop = lane.id === LOOP_LANE;
    return (
      <div key={lane.id} className="timeline-lane-label" data-testid="timeline-lane-label" data-task-name={lane.id}
        style={{ paddingLeft: `${0.3 + depth * 0.9}em` }} title={loop ? 'the event loop: callbacks, idle clock jumps, blocking calls' : `${lane.id} ${lane.coro}()`}>
        {children > 0 ? (
          <button className="timeline-fold" aria-expanded={!collapsed} aria-label={`${collapsed ? 'show' : 'hide'} tasks created by ${lane.id}`}
            onClick={() => onToggle(lane.id)}>{collapsed ? '▸' : '▾'}</button>
        ) : <span className="timeline-fold-space" />}
        {loop
          ? <span className="timeline-loop-name">event loop</span>
          : <><span className={`task-tag ${colourClass(lane.order)}`}>{lane.id}</span> <code className="timeline-coro">{lane.coro}</code></>}
        {lane.end && <span className={`timeline-end end-${lane.end.state}`}>{END_MARK[lane.end.state]}</span>}
      </div>
    );
  });
});
