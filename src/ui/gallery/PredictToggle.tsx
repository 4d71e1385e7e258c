import { useT } from '../../i18n';
import { togglePredict, usePredict } from './predict';

/** The teacher's switch for predict mode. */
export function PredictToggle() {
  const enabled = usePredict((s) => s.enabled);
  const t = useT();
  return (
    <button type="button" data-testid="predict-toggle" aria-pressed={enabled} onClick={togglePredict} title={t('predict.toggleHint')}>
      <span aria-hidden="true">{enabled ? '◉' : '○'}</span> {t('predict.toggle')}
    </button>
  );
}
