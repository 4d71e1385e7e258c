import { useEffect, useRef } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { resetLayout } from '../layout/savedLayout';
import { openShortcuts, usePrefs } from './prefs';

/**
 * Every key the app answers to: keyboard.ts handles them, but M (gallery/MarkButton).
 * Key names are as printed on the keys; `key.*` entries are the ones a language names.
 */
export const SHORTCUTS: { keys: (string | MessageKey)[]; what: MessageKey }[] = [
  { keys: ['Ctrl', 'Enter'], what: 'shortcuts.run' },
  { keys: ['→'], what: 'shortcuts.forward' },
  { keys: ['←'], what: 'shortcuts.back' },
  { keys: ['Shift', '→ / ←'], what: 'shortcuts.callback' },
  { keys: ['PageDown / PageUp'], what: 'shortcuts.clicker' },
  { keys: ['Home / End'], what: 'shortcuts.ends' },
  { keys: ['key.space'], what: 'shortcuts.play' },
  { keys: ['M'], what: 'shortcuts.mark' },
  { keys: ['P'], what: 'shortcuts.present' },
  { keys: ['?'], what: 'shortcuts.sheet' },
  { keys: ['Esc'], what: 'shortcuts.escape' },
];

const isKeyName = (key: string): key is MessageKey => key.startsWith('key.');

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
      <h2 id="shortcut-sheet-title">{t('room.shortcuts')}</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.what}>
              <th scope="row">{s.keys.map((k, i) => <span key={k}>{i > 0 && ' + '}<kbd>{isKeyName(k) ? t(k) : k}</kbd></span>)}</th>
              <td>{t(s.what)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="panels-help"><strong>{t('panels.title')}</strong> {t('panels.help')}</p>
      <div className="sheet-actions">
        <button type="button" data-testid="reset-layout" onClick={resetLayout} title={t('panels.resetHint')}>{t('panels.reset')}</button>
        <button type="button" className="primary" ref={close} onClick={() => openShortcuts(false)}>{t('shortcuts.close')}</button>
      </div>
    </dialog>
  );
}
