/** The timeline of the shown run, kept up to date as batches stream in. */
import { useMemo } from 'react';
import { TimelineBuilder, type Timeline } from '../../model/timeline';
import { laneRows, type LaneRow } from '../../model/timelineRows';
import type { Trace } from '../../model';
import { useApp } from '../../store';

// One builder per run's trace: each batch is read once, not the whole trace again.
const builders = new WeakMap<Trace, TimelineBuilder>();

function timelineOf(trace: Trace): Timeline {
  let builder = builders.get(trace);
  if (!builder) {
    builder = new TimelineBuilder();
    builders.set(trace, builder);
  }
  builder.update(trace.events);
  return builder.view();
}

export function useTimelineData(collapsed: ReadonlySet<string>): { trace: Trace; timeline: Timeline; rows: LaneRow[] } {
  const trace = useApp((s) => s.trace);
  const length = useApp((s) => s.traceLength);
  // `length` is the dependency that says the trace (mutated in place) grew.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const timeline = useMemo(() => timelineOf(trace), [trace, length]);
  const rows = useMemo(() => laneRows(timeline, collapsed), [timeline, collapsed]);
  return { trace, timeline, rows };
}
