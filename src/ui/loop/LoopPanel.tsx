import { memo, useRef } from 'react';
import { formatClock, formatSeconds, handleLabel, ioDescription, scheduleCause, type LoopSnapshot } from '../../model';
import { useApp } from '../../store';
import { cutShort } from '../../trace/schema';
import { taskColours } from '../colours';
import { useSay, useT } from '../../i18n';
import { QueueList } from './QueueList';
import { useFlip } from './useFlip';
import { FoldButton } from '../layout/Pane';
import './loop.css';

function RunningNow({ snapshot }: { snapshot: LoopSnapshot }) {
  const colourOf = taskColours(snapshot);
  const { running, event } = snapshot;
  const t = useT();
  const say = useSay();
  let body;
  if (running) {
    body = (
      <span className={`chip running ${colourOf(running.task)}`} data-flip={running.handle !== null ? `h${running.handle}` : `step-${running.task}`}>
        {say(handleLabel(running.label))}
      </span>
    );
  } else if (snapshot.ended) {
    body = <span className="idle">{t(cutShort(snapshot.ended.status) ? 'loop.idle.stopped' : 'loop.idle.ended')}</span>;
  } else if (event?.kind === 'clock') {
    body = <span className="idle">{t('loop.idle.clock')}</span>;
  } else if (snapshot.loopRunning) {
    body = <span className="idle">{t('loop.idle.between')}</span>;
  } else if (event && event.task === null) {
    body = <span className="idle">{event.line !== null ? t('loop.idle.topLevelLine', { line: event.line }) : t('loop.idle.topLevel')}</span>;
  } else {
    body = <span className="idle">{t('loop.idle.nothing')}</span>;
  }
  return <div className="running-now" data-testid="running-now">{body}</div>;
}

type ColourOf = (id: string | null) => string;

// Each list is rebuilt only when its own queue (or the task colours) changed: a step
// that moves one handle leaves the others' props, and React's work on them, alone.
const ReadyQueue = memo(function ReadyQueue({ queue, colourOf }: { queue: LoopSnapshot['readyQueue']; colourOf: ColourOf }) {
  const t = useT();
  const say = useSay();
  return <QueueList testId="ready-queue" empty={t('loop.empty')} items={queue.map((item, i) => ({
    id: `h${item.handle}`,
    colour: colourOf(item.target),
    label: say(handleLabel(item.label)),
    detail: say(scheduleCause(item.cause)),
    badge: i === 0 ? t('loop.next') : String(i + 1),
  }))} />;
});

const TimerHeap = memo(function TimerHeap({ timers, colourOf }: { timers: LoopSnapshot['timerHeap']; colourOf: ColourOf }) {
  const t = useT();
  const say = useSay();
  return <QueueList testId="timer-heap" empty={t('loop.noTimers')} vertical items={timers.map(({ timer, remaining }) => ({
    id: `h${timer.handle}`,
    colour: colourOf(timer.owner),
    label: say(handleLabel(timer.label)),
    detail: say(scheduleCause(timer.cause)),
    badge: `t=${formatSeconds(timer.when)}`,
    aside: remaining > 0 ? t('loop.in', { s: formatSeconds(remaining) }) : t('loop.dueNow'),
  }))} />;
});

const IoInFlight = memo(function IoInFlight({ io, colourOf }: { io: LoopSnapshot['io']; colourOf: ColourOf }) {
  const t = useT();
  const say = useSay();
  if (io.length === 0) return null;
  return (
    <>
      <h3>{t('loop.io')}</h3>
      <QueueList testId="io-in-flight" empty="" vertical items={io.map((item) => ({
        id: `io${item.io}`, colour: colourOf(null), label: say(ioDescription(item.what)),
        detail: t('loop.since', { t: formatSeconds(item.since) }), badge: 'I/O',
      }))} />
    </>
  );
});

export function LoopPanel() {
  const snapshot = useApp((s) => s.snapshot);
  const colourOf = taskColours(snapshot);
  const root = useRef<HTMLElement>(null);
  useFlip(root, snapshot);
  const t = useT();
  return (
    <section className="panel loop-panel" ref={root} aria-label={t('loop.title')}>
      <header className="panel-head">
        <FoldButton />
        <h2>{t('loop.title')}</h2>
        <span className="clock">
          t = <span data-testid="clock">{formatClock(snapshot.t)}</span> s
        </span>
        <span className="iteration" data-testid="iteration">{t('loop.iteration', { n: snapshot.it })}</span>
      </header>
      {/* Focusable: keyboard users scroll a long queue too. */}
      <div className="panel-body" tabIndex={0}>
        <h3>{t('loop.runningNow')}</h3>
        <RunningNow snapshot={snapshot} />
        <h3>{t('loop.readyQueue')} <small>{t('loop.readyQueueNote')}</small></h3>
        <ReadyQueue queue={snapshot.readyQueue} colourOf={colourOf} />
        <h3>{t('loop.timerHeap')} <small>{t('loop.timerHeapNote')}</small></h3>
        <TimerHeap timers={snapshot.timerHeap} colourOf={colourOf} />
        <IoInFlight io={snapshot.io} colourOf={colourOf} />
      </div>
    </section>
  );
}
