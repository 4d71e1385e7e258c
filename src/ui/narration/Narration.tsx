import { useSay, useT } from '../../i18n';
import { useApp } from '../../store';
import { Lesson } from '../gallery/Lesson';
import { MistakeNotes } from '../gallery/MistakeNotes';
import { PredictDialog } from '../gallery/PredictDialog';
import './narration.css';

/** One sentence: what this step did and why; and, for an example, what to watch for. */
export function Narration() {
  const t = useT();
  const say = useSay();
  const idle = useApp((s) => s.traceLength === 0 && !s.running);
  const narration = useApp((s) => s.snapshot.narration);
  const notice = useApp((s) => s.notice);
  const stale = useApp((s) => s.runSource !== null && s.runSource !== s.source);
  const engineError = useApp((s) => s.engineMessage);
  const embedded = useApp((s) => s.embed !== null);
  return (
    <div className="narration-bar">
      {engineError && <pre className="engine-error" role="alert">{say(engineError)}</pre>}
      <p className="narration" data-testid="narration" aria-live="polite">{idle ? t('narration.pressRun') : say(narration)}</p>
      {notice && <p className="notice" role="status">{say(notice)}</p>}
      {stale && <p className="notice">{t('narration.stale')}</p>}
      {!embedded && <Lesson />}
      <MistakeNotes />
      {!embedded && <PredictDialog />}
    </div>
  );
}
