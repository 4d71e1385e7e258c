import { useCallback, useState } from 'react';
import { shareUrl } from '../../store';
import { useT } from '../../i18n';
import { Popover } from './Popover';
import './share.css';

type Copied = 'copied' | 'denied' | null;

// A link to the full app is this page without its embed query or fragment.
const appBase = () => `${location.origin}${location.pathname}`;

async function copy(text: string): Promise<Copied> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    return 'denied';
  }
}

function CopyField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const [copied, setCopied] = useState<Copied>(null);
  const t = useT();
  return (
    <label className="share-field">
      <span>{label}</span>
      <span className="share-row">
        <input readOnly value={value} data-testid={testId} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={() => void copy(value).then(setCopied)}>{t('share.copy')}</button>
      </span>
      {copied === 'denied' && <small>{t('share.denied')}</small>}
      {copied === 'copied' && <small>{t('share.copied')}</small>}
    </label>
  );
}

/** Share: makes the link of this scenario at this step, copies it, and shows it. */
export function ShareButton() {
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState<Copied>(null);
  const close = useCallback(() => setUrl(null), []);
  const t = useT();
  const open = async () => {
    if (url !== null) return close();
    const made = await shareUrl(appBase());
    setUrl(made);
    setCopied(await copy(made));
  };
  const fragment = url?.slice(url.indexOf('#')) ?? '';
  const iframe = `<iframe src="${appBase()}?embed=1${fragment}" width="800" height="450" style="border:0" title="Loopscope" loading="lazy"></iframe>`;
  return (
    <span className="popover-anchor">
      <button type="button" data-testid="share" aria-expanded={url !== null} onClick={() => void open()}
        title={t('share.hint')}>
        {t('share.button')}
      </button>
      {url !== null && (
        <Popover label={t('share.button')} onClose={close} testId="share-popover">
          <p className="share-status" role="status">
            {copied === 'copied' ? t('share.copiedStatus') : t('share.copyStatus')}
          </p>
          <CopyField label={t('share.link')} value={url} testId="share-url" />
          <CopyField label={t('share.embed')} value={iframe} testId="share-embed" />
          <small className="share-size">{t('share.size', { n: url.length.toLocaleString('en') })}</small>
        </Popover>
      )}
    </span>
  );
}
