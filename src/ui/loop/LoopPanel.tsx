import { memo, useRef } from 'react';
import { formatClock, formatSeconds, type LoopSnapshot } from '../../model';
import { useApp } from '../../store';
import { taskColours } from '../colours';
import { QueueList } from './QueueList';
import { useFlip } from './useFlip';
import './loop.css';

function RunningNow({ snapshot }: { snapshot: LoopSnapshot }) {
  const colourOf = taskColours(snapshot);
  const { running, event } = snapshot;
  let body;
  if (running) {
    body = (
      <span className={`chip running ${colourOf(running.task)}`} data-flip={running.handle !== null ? `h${running.handle}` : `step-${running.task}`}>
        {running.label}
      </span>
    );
  } else if (snapshot.ended) {
    body = <span className="idle">nothing — the program has ended</span>;
  } else if (event?.kind === 'clock') {
    body = <span className="idle">nothing ready: the loop waits for the next timer</span>;
  } else if (snapshot.loopRunning) {
    body = <span className="idle">the loop itself, between callbacks</span>;
  } else if (event && event.task === null) {
    body = <span className="idle">top-level code{event.line !== null ? `, line ${event.line}` : ''} (no loop running)</span>;
  } else {
    body = <span className="idle">nothing yet</span>;
  }
  return <div className="running-now" data-testid="running-now">{body}</div>;
}

type ColourOf = (id: string | null) => string;

// Each list is rebuilt only when its own queue (or the task colours) changed: a step
// that moves one handle leaves the others' props, and React's work on them, alone.
const ReadyQueue = memo(function ReadyQueue({ queue, colourOf }: { queue: LoopSnapshot['readyQueue']; colourOf: ColourOf }) {
  return <QueueList testId="ready-queue" empty="empty" items={queue.map((item, i) => ({
    id: `h${item.handle}`,
    colour: colourOf(item.target),
    label: item.label,
    detail: item.cause,
    badge: i === 0 ? 'next' : String(i + 1),
  }))} />;
});

const TimerHeap = memo(function TimerHeap({ timers, colourOf }: { timers: LoopSnapshot['timerHeap']; colourOf: ColourOf }) {
  return <QueueList testId="timer-heap" empty="no timers" vertical items={timers.map(({ timer, remaining }) => ({
    id: `h${timer.handle}`,
    colour: colourOf(timer.owner),
    label: timer.label,
    detail: timer.cause,
    badge: `t=${formatSeconds(timer.when)}`,
    aside: remaining > 0 ? `in ${formatSeconds(remaining)} s` : 'due now',
  }))} />;
});

const IoInFlight = memo(function IoInFlight({ io, colourOf }: { io: LoopSnapshot['io']; colourOf: ColourOf }) {
  if (io.length === 0) return null;
  return (
    <>
      <h3>I/O in flight</h3>
      <QueueList testId="io-in-flight" empty="" vertical items={io.map((item) => ({
        id: `io${item.io}`, colour: colourOf(null), label: item.what,
        detail: `since t=${formatSeconds(item.since)}`, badge: 'I/O',
      }))} />
    </>
  );
});

export function LoopPanel() {
  const snapshot = useApp((s) => s.snapshot);
  const colourOf = taskColours(snapshot);
  const root = useRef<HTMLElement>(null);
  useFlip(root, snapshot);
  return (
    <section className="panel loop-panel" ref={root} aria-label="Event loop">
      <header className="panel-head">
        <h2>Event loop</h2>
        <span className="clock">
          t = <span data-testid="clock">{formatClock(snapshot.t)}</span> s
        </span>
        <span className="iteration" data-testid="iteration">iteration {snapshot.it}</span>
      </header>
      <div className="panel-body">
        <h3>Running now</h3>
        <RunningNow snapshot={snapshot} />
        <h3>Ready queue <small>FIFO · next on the left</small></h3>
        <ReadyQueue queue={snapshot.readyQueue} colourOf={colourOf} />
        <h3>Timer heap <small>by due time</small></h3>
        <TimerHeap timers={snapshot.timerHeap} colourOf={colourOf} />
        <IoInFlight io={snapshot.io} colourOf={colourOf} />
      </div>
    </section>
  );
}
