import { useT, type MessageKey } from '../../i18n';
import { openShortcuts, setTheme, togglePresentation, usePrefs, type ThemeChoice } from './prefs';
import './presentation.css';

const THEMES: { id: ThemeChoice; label: MessageKey }[] = [
  { id: 'system', label: 'room.theme.system' },
  { id: 'light', label: 'room.theme.light' },
  { id: 'dark', label: 'room.theme.dark' },
];

/** The header's right end: theme, keyboard shortcuts, presentation mode. */
export function RoomTools() {
  const theme = usePrefs((s) => s.theme);
  const presentation = usePrefs((s) => s.presentation);
  const t = useT();
  return (
    <div className="room-tools">
      <label className="theme-switch">
        <span>{t('room.theme')}</span>
        <select data-testid="theme" value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)}>
          {THEMES.map((x) => <option key={x.id} value={x.id}>{t(x.label)}</option>)}
        </select>
      </label>
      <button type="button" data-testid="shortcuts" onClick={() => openShortcuts(true)} aria-haspopup="dialog"
        title={t('room.shortcutsHint')}>
        <span aria-hidden="true">?</span><span className="visually-hidden">{t('room.shortcuts')}</span>
      </button>
      <button type="button" data-testid="presentation" onClick={togglePresentation} aria-pressed={presentation}
        title={t('room.presentHint')}>
        {presentation ? t('room.leave') : t('room.present')}
      </button>
    </div>
  );
}
