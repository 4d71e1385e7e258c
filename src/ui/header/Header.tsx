import { endReason, formatSeconds } from '../../model';
import { interruptAtCursor, runProgram, stopProgram, useApp } from '../../store';
import { LanguageSwitch } from '../gallery/LanguageSwitch';
import { GalleryButton } from '../gallery/GalleryButton';
import { PredictToggle } from '../gallery/PredictToggle';
import { useSay, useT } from '../../i18n';
import { Icon } from '../icons';
import { RoomTools } from '../presentation';
import { ExportMenu } from '../share/ExportMenu';
import { ContinueButton } from './ContinueButton';
import { outcomeKey } from './outcome';
import { ShareButton } from '../share/ShareButton';
import './header.css';

/**
 * How the last run ended. The status words ("✓ finished", "⚠ event limit reached") never
 * shrink; the counts after them give way first, and the tooltip has them all.
 */
export function RunOutcome() {
  const summary = useApp((s) => s.summary);
  const running = useApp((s) => s.running);
  const traceLength = useApp((s) => s.traceLength);
  const t = useT();
  const say = useSay();
  if (running) return <span className="run-outcome"><span className="outcome-status">{t('outcome.tracing', { n: traceLength })}</span></span>;
  if (!summary) return null;
  const ok = summary.status === 'finished';
  const word = t(outcomeKey(summary.status, summary.message));
  const status = ok ? word : t('outcome.status', { status: word });
  const counts = { n: summary.events, t: formatSeconds(summary.virtualTime) };
  return (
    <span className={`run-outcome ${ok ? 'ok' : 'bad'}`}
      title={summary.message ? say(endReason(summary.message)) : t('outcome.summary', { outcome: status, ...counts })}
      data-testid="run-outcome" data-status={summary.status}>
      <span className="outcome-status">{status}</span>
      <span className="outcome-detail">{t('outcome.detail', counts)}</span>
    </span>
  );
}

/** Ctrl+C at this step: the program runs again with a KeyboardInterrupt at its time. */
function CtrlCButton() {
  const t = useApp((s) => s.snapshot.t);
  const disabled = useApp((s) => s.running || s.traceLength === 0);
  const tr = useT();
  return (
    <button type="button" data-testid="keyboard-interrupt" onClick={interruptAtCursor} disabled={disabled}
      title={tr('header.ctrlCHint', { t: formatSeconds(t) })}>
      Ctrl+C
    </button>
  );
}

export function Header() {
  // The worker reports "ready" once Python has loaded, even if a queued run then starts.
  const status = useApp((s) => (s.running && s.engineStatus === 'ready' ? 'running' : s.engineStatus));
  const message = useApp((s) => s.engineMessage);
  const loadMs = useApp((s) => s.loadMs);
  const running = useApp((s) => s.running);
  const t = useT();
  const say = useSay();
  const title = [t(`status.hint.${status}`), message !== null ? say(message) : null, loadMs !== null ? t('status.loadedIn', { s: (loadMs / 1000).toFixed(1) }) : null]
    .filter(Boolean).join(' — ');
  return (
    <header className="app-header">
      <h1 className="brand">
        <img src="/favicon.svg" alt="" width="24" height="24" />
        Loopscope
      </h1>
      <span className={`engine-status status-${status}`} title={title}>
        <span className="dot" aria-hidden="true" />
        <span data-testid="engine-status" data-status={status}>{t(`status.${status}`)}</span>
      </span>
      <button type="button" className="primary" data-testid="run" onClick={() => runProgram()}
        title={t('header.runHint')}>
        <Icon name="play" /> {t('header.run')}
      </button>
      <button type="button" data-testid="stop" onClick={stopProgram} disabled={!running} title={t('header.stopHint')}>
        <Icon name="stop" /> {t('header.stop')}
      </button>
      <CtrlCButton />
      <GalleryButton />
      <PredictToggle />
      <ShareButton />
      <ExportMenu />
      <RunOutcome />
      <ContinueButton />
      <span className="keys-hint" aria-hidden="true">{t('header.keys')}</span>
      <LanguageSwitch />
      <RoomTools />
    </header>
  );
}
