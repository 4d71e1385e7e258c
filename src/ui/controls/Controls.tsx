import type { ChangeEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { GRANULARITIES, type Granularity } from '../../model';
import {
  runToBreakpoint, setGranularity, setSpeed, SPEEDS, stepBack, stepBounds, stepForward, toEnd, togglePlayback, toStart,
  useApp,
} from '../../store';
import { useT } from '../../i18n';
import { Icon } from '../icons';
import { MarkButton } from '../gallery/MarkButton';
import { Scrubber } from './Scrubber';
import './controls.css';

// A select picked with the mouse keeps focus, and would then take ←/→ for itself:
// give the keys back to stepping. Keyboard users keep the focus where they put it.
let pickedWithPointer = false;
const notePointer = () => { pickedWithPointer = true; };
function releaseIfPointer(e: ChangeEvent<HTMLSelectElement>): void {
  if (pickedWithPointer) e.target.blur();
  pickedWithPointer = false;
}

// Each part below reads only what it shows: a step changes the cursor, and with it the
// scrubber and the counter, but the buttons only at either end of the run.
const useBounds = () => useApp(useShallow((s) => stepBounds(s.traceLength, s.embed)));
const useAtStart = () => useApp((s) => s.cursor <= stepBounds(s.traceLength, s.embed).first);
const useAtEnd = () => useApp((s) => s.cursor >= stepBounds(s.traceLength, s.embed).last);

function StepButtons() {
  const atStart = useAtStart();
  const atEnd = useAtEnd();
  const nothing = useApp((s) => stepBounds(s.traceLength, s.embed).last < 0);
  const playing = useApp((s) => s.playing);
  const t = useT();
  return (
    <div className="step-buttons">
      <button type="button" data-testid="to-start" onClick={toStart} disabled={atStart} title={t('controls.startHint')}>
        <Icon name="start" /><span className="visually-hidden">{t('controls.start')}</span>
      </button>
      <button type="button" data-testid="step-back" onClick={() => stepBack()} disabled={atStart}
        title={t('controls.backHint')}>
        <Icon name="back" /> {t('controls.back')}
      </button>
      <button type="button" className="play" data-testid="play" onClick={togglePlayback}
        disabled={nothing} aria-pressed={playing} title={t('controls.playHint')}>
        {playing ? <><Icon name="pause" /> {t('controls.pause')}</> : <><Icon name="play" /> {t('controls.play')}</>}
      </button>
      <button type="button" data-testid="step-forward" onClick={() => stepForward()} disabled={atEnd}
        title={t('controls.stepHint')}>
        {t('controls.step')} <Icon name="forward" />
      </button>
      <button type="button" data-testid="to-end" onClick={toEnd} disabled={atEnd} title={t('controls.endHint')}>
        <Icon name="end" /><span className="visually-hidden">{t('controls.end')}</span>
      </button>
    </div>
  );
}

function CursorScrubber() {
  const cursor = useApp((s) => s.cursor);
  const { first, last } = useBounds();
  return <Scrubber cursor={cursor} first={first} last={last} />;
}

export function Controls() {
  const embed = useApp((s) => s.embed);
  const granularity = useApp((s) => s.granularity);
  const speed = useApp((s) => s.speed);
  const hasBreakpoints = useApp((s) => s.breakpoints.length > 0);
  const atEnd = useAtEnd();
  const t = useT();
  return (
    <nav className="controls" aria-label={t('controls.label')}>
      <StepButtons />
      <label className="field">
        <span>{t('controls.stepBy')}</span>
        <select data-testid="granularity" value={granularity} onPointerDown={notePointer}
          onChange={(e) => { setGranularity(e.target.value as Granularity); releaseIfPointer(e); }}>
          {GRANULARITIES.map((g) => <option key={g.id} value={g.id} title={t(`granularity.${g.id}.hint`)}>{t(`granularity.${g.id}`)}</option>)}
        </select>
      </label>
      <label className="field">
        <span>{t('controls.speed')}</span>
        <select value={speed} onPointerDown={notePointer}
          onChange={(e) => { setSpeed(Number(e.target.value)); releaseIfPointer(e); }}>
          {SPEEDS.map((x) => <option key={x} value={x}>{t('controls.perSecond', { n: x })}</option>)}
        </select>
      </label>
      {!embed && <button type="button" data-testid="run-to-breakpoint" onClick={runToBreakpoint} disabled={atEnd || !hasBreakpoints}
        title={t('controls.toBreakpointHint')}>
        <Icon name="breakpoint" /> {t('controls.toBreakpoint')}
      </button>}
      <CursorScrubber />
      <MarkButton />
      <span className="step-count" data-testid="step-count">
        <StepCount />
      </span>
    </nav>
  );
}

// The current step stands out in bold, wherever the language puts it in the sentence.
const STEP_MARK = '\u0000';

function StepCount() {
  const n = useApp((s) => s.cursor + 1);
  const total = useApp((s) => s.traceLength);
  const t = useT();
  const [before, after] = t('controls.stepCount', { n: STEP_MARK, total }).split(STEP_MARK);
  return <>{before}<strong>{n}</strong>{after}</>;
}
