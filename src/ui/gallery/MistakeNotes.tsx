import { useSay, useT } from '../../i18n';
import { seek, useApp } from '../../store';
import { useMistakes } from './useMarks';
import './gallery.css';

/**
 * The common mistakes this run has shown so far, beside the narration: what happened
 * and the fix. The one at the current step is highlighted; the others link to theirs.
 */
export function MistakeNotes() {
  const cursor = useApp((s) => s.cursor);
  const mistakes = useMistakes().filter((m) => m.cursor <= cursor);
  const t = useT();
  const say = useSay();
  if (mistakes.length === 0) return null;
  // The latest ones matter at this step; older ones are a tick on the scrubber away.
  const shown = mistakes.slice(-2);
  return (
    <ul className="mistakes" aria-label={t('mistake.title')}>
      {shown.map((m) => (
        <li key={m.cursor} className={`mistake${m.cursor === cursor ? ' here' : ''}`} data-testid="mistake" data-kind={m.kind}>
          <strong>⚠ {say(m.title)}</strong>
          {m.cursor !== cursor && (
            <button type="button" className="link" onClick={() => seek(m.cursor)}>{t('mistake.goto', { n: m.cursor + 1 })}</button>
          )}
          <span className="mistake-explain"> {say(m.explain)}</span>
          <span className="mistake-fix"><em>{t('mistake.fix')}:</em> {say(m.fix)}</span>
        </li>
      ))}
    </ul>
  );
}
