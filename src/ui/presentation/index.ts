export { RoomTools } from './RoomTools';
export { ShortcutSheet } from './ShortcutSheet';
export { useThemeOnRoot, onLookChange, monacoTheme } from './theme';
export { usePrefs, togglePresentation, openShortcuts } from './prefs';
