import { useSay, useT } from '../../i18n';
import { dismissLinkNotice, restorePreviousSource, useApp } from '../../store';
import './share.css';

/**
 * What opening a link or a file did, or why it could not: a link is text from anyone,
 * so its message is shown as text only, and the app stays as it was.
 */
export function LinkNotice() {
  const notice = useApp((s) => s.linkNotice);
  const canRestore = useApp((s) => s.previousSource !== null);
  // An embed saves and replaces nobody's text: only a link it cannot open is worth its room.
  const embedded = useApp((s) => s.embed !== null);
  const t = useT();
  const say = useSay();
  if (!notice || (embedded && notice.kind !== 'error')) return null;
  const error = notice.kind === 'error';
  return (
    <div className={`link-notice ${error ? 'error' : 'info'}`} role={error ? 'alert' : 'status'} data-testid="link-notice">
      <span>{say(notice.message)}</span>
      {!error && canRestore && (
        <button type="button" data-testid="restore-previous" onClick={restorePreviousSource}
          title={t('notice.restoreHint')}>
          {t('notice.restore')}
        </button>
      )}
      <button type="button" className="dismiss" onClick={dismissLinkNotice} aria-label={t('notice.dismiss')}>×</button>
    </div>
  );
}
