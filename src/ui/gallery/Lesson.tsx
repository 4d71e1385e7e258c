import { useState } from 'react';
import { useLocalized, useT } from '../../i18n';
import { useApp } from '../../store';
import { exampleOfRun } from './openExample';
import './gallery.css';

/** While a gallery example is on screen: its title and what to watch for. */
export function Lesson() {
  const example = useApp((s) => exampleOfRun(s.runSource));
  const t = useT();
  const local = useLocalized();
  // Closed at first, so the panels keep their room; once opened it stays open.
  const [open, setOpen] = useState(false);
  if (!example) return null;
  return (
    <details className="lesson" data-testid="lesson" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary><strong>{local(example.title)}</strong> · {t('gallery.watch')}</summary>
      <p>{local(example.watch)}</p>
    </details>
  );
}
