import { useMemo } from 'react';
import { useApp } from '../../store';
import { useT } from '../../i18n';
import { colourClass } from '../colours';
import { placeByCreator } from './placeByCreator';
import { TaskCard } from './TaskCard';
import { FoldButton } from '../layout/Pane';
import './tasks.css';

// Thousands of cards would make every step slow; the first ones (by creator) are shown.
const MAX_CARDS = 200;

export function TaskPanel() {
  // The same array while a step changes no task (see viewOf): no re-render then.
  const tasks = useApp((s) => s.snapshot.tasks);
  const focused = useApp((s) => s.focusedTask);
  const noneInRun = useApp((s) => s.trace.endedWithoutTasks);
  const placed = useMemo(() => placeByCreator(tasks), [tasks]);
  const hidden = tasks.length - placed.length;
  const shown = placed.length > MAX_CARDS ? placed.slice(0, MAX_CARDS) : placed;
  const t = useT();
  return (
    <section className="panel task-panel" aria-label={t('tasks.title')}>
      <header className="panel-head">
        <FoldButton />
        <h2>{t('tasks.title')}</h2>
        <span className="panel-note">
          {placed.length === 0 ? t(noneInRun ? 'tasks.noneInRun' : 'tasks.none')
            : placed.length === 1 ? t('tasks.one') : t('tasks.count', { n: placed.length })}
          {hidden > 0 ? t('tasks.hidden', { n: hidden }) : ''}
        </span>
      </header>
      <div className="panel-body task-list" tabIndex={0}>
        {shown.map(({ view, depth }) => (
          <TaskCard key={view.record.id} view={view} depth={depth} colour={colourClass(view.record.order)}
            focused={focused === view.record.id} />
        ))}
        {shown.length < placed.length && <p className="task-more">{t('tasks.more', { n: placed.length - shown.length })}</p>}
      </div>
    </section>
  );
}
