import { memo, useEffect, useRef } from 'react';
import { formatClock, type ConsoleLine } from '../../model';
import { seek, useApp } from '../../store';
import { useT } from '../../i18n';
import { taskColours } from '../colours';
import { Traceback } from './Traceback';
import { FoldButton } from '../layout/Pane';
import './console.css';

// Rendering thousands of rows on every step would cost frames; older ones are summarised.
const MAX_ROWS = 300;

const ConsoleRow = memo(function ConsoleRow({ line, colour, current }: { line: ConsoleLine; colour: string; current: boolean }) {
  const t = useT();
  return (
    <li className={`console-row stream-${line.stream}${current ? ' current' : ''}`} data-testid="console-line" data-seq={line.seq}>
      <button type="button" className="console-seek" onClick={() => seek(line.seq)} title={t('console.goto', { n: line.seq + 1 })}>
        <span className="console-time">{formatClock(line.t)}</span>
        <span className={`task-tag ${colour}`}>{line.task ?? 'main'}</span>
      </button>
      {line.stream === 'stderr'
        ? <Traceback text={line.text} />
        : <span className="console-text">{line.text.replace(/\n$/, '')}</span>}
    </li>
  );
});

export function ConsolePanel() {
  // Only what the rows show: most steps print nothing and leave all of it unchanged.
  const lines = useApp((s) => s.snapshot.console);
  const colourOf = useApp((s) => taskColours(s.snapshot));
  const started = useApp((s) => s.snapshot.cursor >= 0);
  // The step's own line is highlighted; only an output event has one.
  const currentSeq = useApp((s) => (s.snapshot.event?.kind === 'output' ? s.snapshot.cursor : null));
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Keep the newest line in view; read the height in the next frame, not mid-commit.
    const frame = requestAnimationFrame(() => {
      const el = body.current;
      if (el) el.scrollTop = el.scrollHeight;
    });
    return () => cancelAnimationFrame(frame);
  }, [lines.length]);
  const shown = lines.length > MAX_ROWS ? lines.slice(-MAX_ROWS) : lines;
  const t = useT();
  return (
    <section className="panel console-panel" aria-label={t('console.title')}>
      <header className="panel-head">
        <FoldButton />
        <h2>{t('console.title')}</h2>
        <span className="panel-note">{t('console.note')}</span>
      </header>
      <div className="panel-body console-body" ref={body} tabIndex={0}>
        <ol className="console" data-testid="console">
          {lines.length > shown.length && <li className="console-more">{t('console.earlier', { n: lines.length - shown.length })}</li>}
          {shown.map((line) => (
            <ConsoleRow key={line.seq} line={line} colour={colourOf(line.task)} current={line.seq === currentSeq} />
          ))}
        </ol>
        {lines.length === 0 && <p className="console-empty">{!started ? t('console.runFirst') : t('console.nothing')}</p>}
      </div>
    </section>
  );
}
