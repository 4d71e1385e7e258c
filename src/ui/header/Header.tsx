import { formatSeconds } from '../../model';
import { interruptAtCursor, runProgram, stopProgram, useApp } from '../../store';
import { Icon } from '../icons';
import { ExportMenu } from '../share/ExportMenu';
import { ContinueButton } from './ContinueButton';
import { ShareButton } from '../share/ShareButton';
import './header.css';

const STATUS_HINT = {
  loading: 'Python is loading in the background…',
  ready: 'Python is ready',
  running: 'Python is running the program…',
  failed: 'Python could not start',
} as const;

export function RunOutcome() {
  const summary = useApp((s) => s.summary);
  const running = useApp((s) => s.running);
  const traceLength = useApp((s) => s.traceLength);
  if (running) return <span className="run-outcome">tracing… {traceLength} events</span>;
  if (!summary) return null;
  const ok = summary.status === 'finished';
  return (
    <span className={`run-outcome ${ok ? 'ok' : 'bad'}`} title={summary.message || undefined}>
      {ok ? '✓ finished' : `⚠ ${summary.status}`} · {summary.events} events · {formatSeconds(summary.virtualTime)} s virtual
    </span>
  );
}

/** Ctrl+C at this step: the program runs again with a KeyboardInterrupt at its time. */
function CtrlCButton() {
  const t = useApp((s) => s.snapshot.t);
  const disabled = useApp((s) => s.running || s.traceLength === 0);
  return (
    <button type="button" data-testid="keyboard-interrupt" onClick={interruptAtCursor} disabled={disabled}
      title={`Run again and press Ctrl+C at t=${formatSeconds(t)} s, this step's virtual time: `
        + 'KeyboardInterrupt reaches the program there, as in a terminal'}>
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
  const title = [STATUS_HINT[status], message, loadMs !== null ? `loaded in ${(loadMs / 1000).toFixed(1)} s` : null]
    .filter(Boolean).join(' — ');
  return (
    <header className="app-header">
      <h1 className="brand">
        <img src="/favicon.svg" alt="" width="24" height="24" />
        Loopscope
      </h1>
      <span className={`engine-status status-${status}`} title={title}>
        <span className="dot" aria-hidden="true" />
        <span data-testid="engine-status">{status}</span>
      </span>
      <button type="button" className="primary" data-testid="run" onClick={() => runProgram()}
        title="Run the program from the start (Ctrl+Enter)">
        <Icon name="play" /> Run
      </button>
      <button type="button" data-testid="stop" onClick={stopProgram} disabled={!running} title="Stop the running program">
        <Icon name="stop" /> Stop
      </button>
      <CtrlCButton />
      <ShareButton />
      <ExportMenu />
      <RunOutcome />
      <ContinueButton />
      <span className="keys-hint" aria-hidden="true">← → step · Shift+← → callback · Space play · Home/End</span>
    </header>
  );
}
