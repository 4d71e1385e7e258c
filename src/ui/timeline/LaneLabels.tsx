import { memo } from 'react';
import { LOOP_LANE } from '../../model/timeline';
import type { LaneRow } from '../../model/timelineRows';
import { useT } from '../../i18n';
import { colourClass } from '../colours';
import { shortLaneName } from './laneName';

const END_MARK = { done: '✓', failed: '✗', cancelled: '⊘' } as const;

interface Props {
  rows: readonly LaneRow[];
  /** Rows [first, last) are in the DOM; spacers stand in for the rest (2,000 labels slow scrolling). */
  first: number;
  last: number;
  onToggle: (id: string) => void;
}

/** One DOM label per lane in view (the plot itself is a canvas), indented under its creator. */
export const LaneLabels = memo(function LaneLabels({ rows, first, last, onToggle }: Props) {
  const end = Math.min(last, rows.length);
  const shown = [];
  for (let i = first; i < end; i++) shown.push(<LaneLabel key={rows[i].lane.id} row={rows[i]} odd={i % 2 === 1} onToggle={onToggle} />);
  return <>
    <div style={{ height: `calc(var(--row) * ${first})` }} />
    {shown}
    <div style={{ height: `calc(var(--row) * ${Math.max(0, rows.length - end)})` }} />
  </>;
});

function LaneLabel({ row, odd, onToggle }: { row: LaneRow; odd: boolean; onToggle: (id: string) => void }) {
  const { lane, depth, children, collapsed } = row;
  const loop = lane.id === LOOP_LANE;
  const t = useT();
  const kind = lane.thread ? t(lane.coro === 'thread' ? 'timeline.thread' : 'timeline.workerThread') : null;
  return (
    <div className={`timeline-lane-label${odd ? ' odd' : ''}`} data-testid="timeline-lane-label" data-task-name={lane.id}
      style={{ paddingLeft: `${0.3 + depth * 0.9}em` }}
      title={loop ? t('timeline.loopHint') : kind !== null ? `${lane.id} · ${kind}` : `${lane.id} ${lane.coro}()`}>
      {children > 0 ? (
        <button className="timeline-fold" aria-expanded={!collapsed} aria-label={t(collapsed ? 'timeline.unfold' : 'timeline.fold', { id: lane.id })}
          onClick={() => onToggle(lane.id)}>{collapsed ? '▸' : '▾'}</button>
      ) : <span className="timeline-fold-space" />}
      {loop
        ? <span className="timeline-loop-name">{t('timeline.loop')}</span>
        // A thread's name says what it runs ("Thread-1 (main)"); "thread" after it is in the title.
        : lane.thread
          ? <span className={`task-tag ${colourClass(null)}`}>{shortLaneName(lane.id)}</span>
          : <><span className={`task-tag ${colourClass(lane.order < 0 ? null : lane.order)}`}>{lane.id}</span> <code className="timeline-coro">{lane.coro}</code></>}
      {lane.end && <span className={`timeline-end end-${lane.end.state}`}>{END_MARK[lane.end.state]}</span>}
    </div>
  );
}
