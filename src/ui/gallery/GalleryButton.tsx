import { useCallback, useState } from 'react';
import { useT } from '../../i18n';
import { Gallery } from './Gallery';

/** The header's Examples button and the gallery under it. */
export function GalleryButton() {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const t = useT();
  return (
    <span className="popover-anchor">
      <button type="button" data-testid="gallery-button" aria-expanded={open} onClick={() => setOpen(!open)} title={t('gallery.hint')}>
        {t('gallery.button')}
      </button>
      {open && <Gallery onClose={close} />}
    </span>
  );
}
