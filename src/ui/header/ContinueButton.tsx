import { useT } from '../../i18n';
import { canContinue, continueRun, useApp } from '../../store';

/** After a run stopped at a limit: run it again with larger budgets, from where it stopped. */
export function ContinueButton() {
  const shown = useApp(canContinue);
  const t = useT();
  if (!shown) return null;
  return (
    <button type="button" data-testid="continue-run" onClick={continueRun}
      title={t('header.continueHint')}>
      {t('header.continue')}
    </button>
  );
}
