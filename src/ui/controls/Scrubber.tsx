import { seek } from '../../store';

/** The whole run as a slider: drag to any step. */
export function Scrubber({ cursor, last }: { cursor: number; last: number }) {
  return (
    <input
      className="scrubber"
      type="range"
      aria-label="Step in the run"
      data-testid="scrubber"
      min={-1}
      max={Math.max(last, -1)}
      step={1}
      value={cursor}
      disabled={last < 0}
      onChange={(e) => seek(Number(e.target.value))}
    />
  );
}
