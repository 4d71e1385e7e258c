import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import { resetLayout } from '../layout/savedLayout';
import { openShortcuts, usePrefs } from './prefs';

/** Every key the app answers to: keyboard.ts handles them, but M (gallery/MarkButton). */
export const SHORTCUTS: { keys: string[]; what: string }[] = [
  { keys: ['Ctrl', 'Enter'], what: 'run the program' },
  { keys: ['→'], what: 'step forward' },
  { keys: ['←'], what: 'step back' },
  { keys: ['Shift', '→ / ←'], what: 'one callback forward / back' },
  { keys: ['PageDown / PageUp'], what: 'step forward / back (a presenter’s clicker)' },
  { keys: ['Home / End'], what: 'go to the start / the end' },
  { keys: ['Space'], what: 'play / pause' },
  { keys: ['M'], what: 'next marked step (Shift+M: the one before)' },
  { keys: ['P'], what: 'presentation mode on / off' },
  { keys: ['?'], what: 'this list' },
  { keys: ['Esc'], what: 'leave the editor, or close this list' },
];

/**
 * The shortcut sheet, a modal <dialog>: the browser keeps focus inside it while open
 * (the rest of the page is inert), Esc closes it, and focus returns to where it was.
 */
export function ShortcutSheet() {
  const open = usePrefs((s) => s.shortcutsOpen);
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const t = useT();
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    // Focus on Close, not on the first button (Reset layout): Enter must not undo a layout.
    if (open && !el.open) {
      el.showModal();
      close.current?.focus();
    }
    if (!open && el.open) el.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="shortcut-sheet" data-testid="shortcut-sheet" aria-labelledby="shortcut-sheet-title"
      onClose={() => openShortcuts(false)} onKeyDown={(e) => e.stopPropagation()}>
      <h2 id="shortcut-sheet-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.what}>
              <th scope="row">{s.keys.map((k, i) => <span key={k}>{i > 0 && ' + '}<kbd>{k}</kbd></span>)}</th>
              <td>{s.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="panels-help"><strong>{t('panels.title')}</strong> {t('panels.help')}</p>
      <div className="sheet-actions">
        <button type="button" data-testid="reset-layout" onClick={resetLayout} title={t('panels.resetHint')}>{t('panels.reset')}</button>
        <button type="button" className="primary" ref={close} onClick={() => openShortcuts(false)}>Close</button>
      </div>
    </dialog>
  );
}
