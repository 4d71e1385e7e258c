import type { ChangeEvent } from 'react';
import { GRANULARITIES, type Granularity } from '../../model';
import {
  runToBreakpoint, setGranularity, setSpeed, SPEEDS, stepBack, stepBounds, stepForward, toEnd, togglePlayback, toStart,
  useApp,
} from '../../store';
import { Icon } from '../icons';
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
  return (
    <nav className="controls" aria-label="Stepping">
      <div className="step-buttons">
        <button type="button" data-testid="to-start" onClick={toStart} disabled={atStart} title="Go to the start (Home)">
          <Icon name="start" /><span className="visually-hidden">Start</span>
        </button>
        <button type="button" data-testid="step-back" onClick={() => stepBack()} disabled={atStart}
          title="Step back (←; Shift+← by callback)">
          <Icon name="back" /> Back
        </button>
        <button type="button" className="play" data-testid="play" onClick={togglePlayback}
          disabled={last < 0} aria-pressed={playing} title="Play / pause (Space)">
          {playing ? <><Icon name="pause" /> Pause</> : <><Icon name="play" /> Play</>}
        </button>
        <button type="button" data-testid="step-forward" onClick={() => stepForward()} disabled={atEnd}
          title="Step forward (→; Shift+→ by callback)">
          Step <Icon name="forward" />
        </button>
        <button type="button" data-testid="to-end" onClick={toEnd} disabled={atEnd} title="Go to the end (End)">
          <Icon name="end" /><span className="visually-hidden">End</span>
        </button>
      </div>
      <label className="field">
        <span>step by</span>
        <select data-testid="granularity" value={granularity} onPointerDown={notePointer}
          onChange={(e) => { setGranularity(e.target.value as Granularity); releaseIfPointer(e); }}>
          {GRANULARITIES.map((g) => <option key={g.id} value={g.id} title={g.hint}>{g.label}</option>)}
        </select>
      </label>
      <label className="field">
        <span>speed</span>
        <select value={speed} onPointerDown={notePointer}
          onChange={(e) => { setSpeed(Number(e.target.value)); releaseIfPointer(e); }}>
          {SPEEDS.map((x) => <option key={x} value={x}>{x}/s</option>)}
        </select>
      </label>
      {!embed && <button type="button" data-testid="run-to-breakpoint" onClick={runToBreakpoint} disabled={atEnd || !hasBreakpoints}
        title="Run forward to the next line with a breakpoint (click the editor gutter to set one)">
        <Icon name="breakpoint" /> to breakpoint
      </button>}
      <Scrubber cursor={cursor} first={first} last={last} />
      <span className="step-count" data-testid="step-count">
        step <strong>{cursor + 1}</strong> / {traceLength}
      </span>
    </nav>
  );
}
