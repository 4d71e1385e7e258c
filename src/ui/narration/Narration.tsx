import { useApp } from '../../store';
import './narration.css';

/** One sentence: what this step did and why. */
export function Narration() {
  const narration = useApp((s) => (s.traceLength === 0 && !s.running
    ? 'Press Run (Ctrl+Enter) to trace the program, then step with → and ←.'
    : s.snapshot.narration));
  const notice = useApp((s) => s.notice);
  const stale = useApp((s) => s.runSource !== null && s.runSource !== s.source);
  const engineError = useApp((s) => s.engineMessage);
  return (
    <div className="narration-bar">
      {engineError && <pre className="engine-error" role="alert">{engineError}</pre>}
      <p className="narration" data-testid="narration" aria-live="polite">{narration}</p>
      {notice && <p className="notice" role="status">{notice}</p>}
      {stale && <p className="notice">The code changed since this run — press Run to trace it.</p>}
    </div>
  );
}
