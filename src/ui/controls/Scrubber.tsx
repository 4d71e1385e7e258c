import { seek } from '../../store';

/** The whole run (or a slide's steps) as a slider: drag to any step. */
export function Scrubber({ cursor, first, last }: { cursor: number; first: number; last: number }) {
  return (
    <input
      className="scrubber"
      type="range"
      aria-label="Step in the run"
      data-testid="scrubber"
      min={first}
      max={Math.max(last, -1)}
      step={1}
      value={cursor}
      disabled={last <= first}
      onChange={(e) => seek(Number(e.target.value))}
    />
  );
}
