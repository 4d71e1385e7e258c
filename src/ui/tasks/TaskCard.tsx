import { memo, useEffect, useRef } from 'react';
import { waitDescription, type TaskState, type TaskView } from '../../model';
import { useSay, useT, type MessageKey } from '../../i18n';
import { focusTask, revealLine } from '../../store';

const STATE_TEXT: Record<TaskState, MessageKey> = {
  pending: 'task.pending',
  ready: 'task.ready',
  running: 'task.running',
  suspended: 'task.suspended',
  done: 'task.done',
  failed: 'task.failed',
  cancelled: 'task.cancelled',
};

function Outcome({ view }: { view: TaskView }) {
  const { record, state } = view;
  const t = useT();
  if (state === 'done') return <p className="task-line">{t('task.returned')} <code>{record.result ?? 'None'}</code></p>;
  if (state === 'failed') return <p className="task-line outcome-bad">{t('task.raised')} <code>{record.exc}</code></p>;
  if (state === 'cancelled') return <p className="task-line">{t('task.wasCancelled')}{record.exc && record.exc !== 'CancelledError()' ? <> · <code>{record.exc}</code></> : null}</p>;
  return null;
}

function Awaits({ view }: { view: TaskView }) {
  const { record } = view;
  const t = useT();
  const say = useSay();
  if (record.awaits === null || view.state === 'running') return null;
  return (
    <p className="task-line">
      {t('task.awaits')} <code>{say(waitDescription(record.awaits))}</code>
      {record.on.length > 0 && (
        <span className="awaits-on">
          {' → '}
          {record.on.map((id) => (
            <button key={id} type="button" className="link" onClick={() => focusTask(id)} title={t('task.highlight', { id })}>{id}</button>
          ))}
        </span>
      )}
    </p>
  );
}

function Chain({ view }: { view: TaskView }) {
  const frames = view.record.chain;
  const t = useT();
  if (frames.length === 0 || view.state === 'running') return null;
  return (
    <p className="task-line chain" aria-label={t('task.chain')}>
      {frames.map((frame, i) => (
        <span key={i} className="frame">
          {i > 0 && <span className="sep"> › </span>}
          {frame.user
            ? <button type="button" className="link code" onClick={() => revealLine(frame.line)}>{frame.fn}:{frame.line}</button>
            : <span className="code lib">{frame.fn}</span>}
        </span>
      ))}
    </p>
  );
}

function TaskCardView({ view, depth, colour, focused }: { view: TaskView; depth: number; colour: string; focused: boolean }) {
  const { record, state } = view;
  const ref = useRef<HTMLElement>(null);
  const t = useT();
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [focused]);
  return (
    <article ref={ref} className={`task-card state-${state} ${colour}${focused ? ' focused' : ''}`}
      style={{ marginLeft: `${Math.min(depth, 4) * 1.1}em` }}
      data-testid="task-card" data-task-name={record.id} data-state={state}
      onClick={focused ? () => focusTask(null) : undefined}>
      <header className="task-head">
        <span className="task-tag">{record.id}</span>
        <code className="coro">{record.coro}()</code>
        {state === 'running' && record.line !== null && <span className="task-at">{t('task.line', { n: record.line })}</span>}
        <span className="state-badge">{t(STATE_TEXT[state])}</span>
      </header>
      <Awaits view={view} />
      <Chain view={view} />
      {record.cancelRequested && record.end === null && (
        <p className="task-line outcome-bad">{t('task.cancelRequested', { by: record.cancelRequested.by ?? 'asyncio' })}</p>
      )}
      <Outcome view={view} />
    </article>
  );
}

export const TaskCard = memo(TaskCardView, (a, b) =>
  a.view.record === b.view.record && a.view.state === b.view.state && a.depth === b.depth
  && a.colour === b.colour && a.focused === b.focused);
