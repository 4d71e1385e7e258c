import { canContinue, continueRun, useApp } from '../../store';

/** After a run stopped at a limit: run it again with larger budgets, from where it stopped. */
export function ContinueButton() {
  const shown = useApp(canContinue);
  if (!shown) return null;
  return (
    <button type="button" data-testid="continue-run" onClick={continueRun}
      title="The run stopped at a limit (events, virtual time or real time). Run it again with four times the budget and land where it stopped.">
      Continue ×4
    </button>
  );
}
