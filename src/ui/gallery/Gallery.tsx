import { useEffect, useState } from 'react';
import { EXAMPLES } from '../../examples';
import { useLocalized, useT } from '../../i18n';
import { Popover } from '../share/Popover';
import { exampleLink, openExample } from './openExample';
import './gallery.css';

/** The list of lessons: one click opens and runs an example; each has its permalink. */
export function Gallery({ onClose }: { onClose: () => void }) {
  const t = useT();
  const local = useLocalized();
  const [links, setLinks] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    void Promise.all(EXAMPLES.map(async (e) => [e.id, await exampleLink(e)] as const))
      .then((made) => { if (live) setLinks(new Map(made)); });
    return () => { live = false; };
  }, []);
  return (
    <Popover label={t('gallery.title')} onClose={onClose} testId="gallery">
      <h2 className="gallery-title">{t('gallery.title')}</h2>
      <ol className="gallery-list">
        {EXAMPLES.map((example, i) => (
          <li key={example.id} className="gallery-entry">
            <button type="button" className="gallery-open" data-testid="example" data-example-id={example.id}
              data-shows-error={example.showsError ? 'true' : undefined} data-marks={example.marks.length}
              title={t('gallery.open')} onClick={() => { openExample(example); onClose(); }}>
              <span className="gallery-number">{i + 1}</span>
              <span className="gallery-name">{local(example.title)}</span>
            </button>
            <p className="gallery-watch">
              {local(example.watch)}
              {example.showsError && <em className="gallery-error"> {t('gallery.showsError')}</em>}
            </p>
            {links.has(example.id) && (
              <a className="gallery-link" href={links.get(example.id)} title={t('gallery.linkHint')}
                data-testid="example-link">{t('gallery.link')}</a>
            )}
          </li>
        ))}
      </ol>
    </Popover>
  );
}
