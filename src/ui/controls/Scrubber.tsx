import { useLocalized, useT } from '../../i18n';
import { seek } from '../../store';
import { useMarks, useMistakes } from '../gallery/useMarks';
import './scrubber.css';

/** Where a step sits along the slider, as a CSS length (the thumb's half-width at each end). */
function along(cursor: number, first: number, last: number): string {
  const fraction = last > first ? (cursor - first) / (last - first) : 0;
  return `calc(var(--thumb) / 2 + (100% - var(--thumb)) * ${Math.min(1, Math.max(0, fraction))})`;
}

/**
 * The whole run (or a slide's steps) as a slider: drag to any step. An example's marked
 * steps, and the steps where a common mistake shows, are ticks under it: click one to go there.
 */
export function Scrubber({ cursor, first, last }: { cursor: number; first: number; last: number }) {
  const t = useT();
  const local = useLocalized();
  const marks = useMarks().filter((m) => m.cursor >= first && m.cursor <= last);
  const mistakes = useMistakes().filter((m) => m.cursor >= first && m.cursor <= last);
  return (
    <span className="scrubber-track">
      <input
        className="scrubber"
        type="range"
        aria-label={t('controls.scrubber')}
        data-testid="scrubber"
        min={first}
        max={Math.max(last, -1)}
        step={1}
        value={cursor}
        disabled={last <= first}
        onChange={(e) => seek(Number(e.target.value))}
      />
      {marks.map((m) => (
        <button key={`m${m.cursor}`} type="button" className={`scrub-tick mark${m.cursor === cursor ? ' here' : ''}`}
          style={{ left: along(m.cursor, first, last) }} data-testid="mark-tick" data-step={m.cursor + 1}
          title={t('marks.tick', { n: m.cursor + 1, label: local(m.label) })} onClick={() => seek(m.cursor)} />
      ))}
      {mistakes.map((m) => (
        <button key={`x${m.cursor}`} type="button" className="scrub-tick mistake" style={{ left: along(m.cursor, first, last) }}
          data-testid="mistake-tick" title={`${t('mistake.title')}: ${t('mistake.goto', { n: m.cursor + 1 })}`}
          onClick={() => seek(m.cursor)} />
      ))}
    </span>
  );
}
