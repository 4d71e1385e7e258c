import { useCallback, useState } from 'react';
import { shareUrl } from '../../store';
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
  return (
    <label className="share-field">
      <span>{label}</span>
      <span className="share-row">
        <input readOnly value={value} data-testid={testId} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={() => void copy(value).then(setCopied)}>Copy</button>
      </span>
      {copied === 'denied' && <small>The browser did not allow copying: select the text and press Ctrl+C.</small>}
      {copied === 'copied' && <small>Copied.</small>}
    </label>
  );
}

/** Share: makes the link of this scenario at this step, copies it, and shows it. */
export function ShareButton() {
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState<Copied>(null);
  const close = useCallback(() => setUrl(null), []);
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
        title="Copy a link to this program, its settings and this step">
        Share
      </button>
      {url !== null && (
        <Popover label="Share" onClose={close} testId="share-popover">
          <p className="share-status" role="status">
            {copied === 'copied' ? 'Link copied: it opens this program at this step.' : 'Copy the link: it opens this program at this step.'}
          </p>
          <CopyField label="Link" value={url} testId="share-url" />
          <CopyField label="Embed in a slide or a page" value={iframe} testId="share-embed" />
          <small className="share-size">{url.length.toLocaleString('en')} characters · the program travels in the link, no server keeps it</small>
        </Popover>
      )}
    </span>
  );
}
