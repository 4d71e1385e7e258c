import type { ChangeEvent } from 'react';
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

export function Controls() {
  const cursor = useApp((s) => s.cursor);
  const traceLength = useApp((s) => s.traceLength);
  const embed = useApp((s) => s.embed);
  // In an embed for a slide, the steps the slide covers.
  const { first, last } = stepBounds(traceLength, embed);
  const granularity = useApp((s) => s.granularity);
  const playing = useApp((s) => s.playing);
  const speed = useApp((s) => s.speed);
  const hasBreakpoints = useApp((s) => s.breakpoints.length > 0);
  const atStart = cursor <= first;
  const atEnd = cursor >= last;
  const t = useT();
  return (
    <nav className="controls" aria-label={t('controls.label')}>
      <div className="step-buttons">
        <button type="button" data-testid="to-start" onClick={toStart} disabled={atStart} title={t('controls.startHint')}>
          <Icon name="start" /><span className="visually-hidden">{t('controls.start')}</span>
        </button>
        <button type="button" data-testid="step-back" onClick={() => stepBack()} disabled={atStart}
          title={t('controls.backHint')}>
          <Icon name="back" /> {t('controls.back')}
        </button>
        <button type="button" className="play" data-testid="play" onClick={togglePlayback}
          disabled={last < 0} aria-pressed={playing} title={t('controls.playHint')}>
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
      <Scrubber cursor={cursor} first={first} last={last} />
      <MarkButton />
      <span className="step-count" data-testid="step-count">
        <StepCount n={cursor + 1} total={traceLength} />
      </span>
    </nav>
  );
}

// The current step stands out in bold, wherever the language puts it in the sentence.
const STEP_MARK = '\u0000';

function StepCount({ n, total }: { n: number; total: number }) {
  const t = useT();
  const [before, after] = t('controls.stepCount', { n: STEP_MARK, total }).split(STEP_MARK);
  return <>{before}<strong>{n}</strong>{after}</>;
}
