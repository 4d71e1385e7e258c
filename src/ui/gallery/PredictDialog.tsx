import { useMemo } from 'react';
import { useT } from '../../i18n';
import { startPlayback, useApp } from '../../store';
import { choicesFrom, settle, usePredict } from './predict';
import './predict.css';

/** The printed lines of the run on screen, one per line of output, in order. */
function printedLines(): string[] {
  return useApp.getState().trace.console
    .filter((l) => l.stream === 'stdout')
    .flatMap((l) => l.text.replace(/\n$/, '').split('\n'));
}

/**
 * "What prints first?" — asked once per run, after it is traced and before any step is
 * shown; the answer then unfolds as the run plays from the start.
 */
export function PredictDialog() {
  const t = useT();
  const enabled = usePredict((s) => s.enabled);
  const settledRun = usePredict((s) => s.settledRun);
  const result = usePredict((s) => s.result);
  const runId = useApp((s) => s.runId);
  const ended = useApp((s) => s.summary !== null && !s.running);
  const atStart = useApp((s) => s.cursor < 0);
  const asking = enabled && runId !== null && settledRun !== runId && atStart;
  // The choices are fixed once the run has ended: shuffling on every render would jump.
  const choices = useMemo(() => (asking && ended ? choicesFrom(printedLines()) : []), [asking, ended]);
  const answer = choices.length > 0 ? printedLines()[0] : '';

  if (result && result.runId === runId) {
    const right = result.guess === result.answer;
    return (
      <p className={`predict-result ${right ? 'right' : 'wrong'}`} data-testid="predict-result" role="status">
        {right ? t('predict.right', { line: result.answer }) : t('predict.wrong', { line: result.answer, guess: result.guess })}
      </p>
    );
  }
  if (!asking || (ended && choices.length < 2)) return null;
  const pick = (guess: string | null) => {
    settle(runId, guess, answer);
    if (guess !== null) startPlayback();
  };
  return (
    <div className="predict-backdrop">
      <div className="predict" role="dialog" aria-modal="true" aria-labelledby="predict-question" data-testid="predict">
        <h2 id="predict-question">{t('predict.question')}</h2>
        {!ended ? <p>{t('predict.waiting')}</p> : <>
          <p>{t('predict.intro')}</p>
          <ol className="predict-choices">
            {choices.map((line) => (
              <li key={line}>
                <button type="button" data-testid="predict-choice" translate="no" onClick={() => pick(line)}><code>{line}</code></button>
              </li>
            ))}
          </ol>
        </>}
        <button type="button" className="predict-skip" onClick={() => pick(null)}>{t('predict.skip')}</button>
      </div>
    </div>
  );
}
