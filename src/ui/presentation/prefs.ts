/**
 * What the person at the screen chose for the room, not for the program: presentation
 * mode, the theme and the shortcut sheet. The theme is remembered (localStorage);
 * presentation mode is for one lesson, not kept.
 */
import { create } from 'zustand';

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface Prefs {
  presentation: boolean;
  theme: ThemeChoice;
  shortcutsOpen: boolean;
}

export const PREFS_KEY = 'loopscope.prefs.v1';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** What was saved, checked field by field: a damaged entry costs only itself. */
export function readSaved(text: string | null): Pick<Prefs, 'theme'> {
  let saved: Record<string, unknown> = {};
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed && typeof parsed === 'object') saved = parsed as Record<string, unknown>;
  } catch {
    // A damaged entry: start from the defaults.
  }
  return { theme: saved.theme === 'light' || saved.theme === 'dark' ? saved.theme : 'system' };
}

export const usePrefs = create<Prefs>(() => ({
  presentation: false,
  shortcutsOpen: false,
  ...readSaved(storage()?.getItem(PREFS_KEY) ?? null),
}));

usePrefs.subscribe((now, before) => {
  if (now.theme === before.theme) return;
  try {
    storage()?.setItem(PREFS_KEY, JSON.stringify({ theme: now.theme }));
  } catch {
    // Storage full or refused: the choice still holds for this visit.
  }
});

export function togglePresentation(): void {
  usePrefs.setState((s) => ({ presentation: !s.presentation }));
}

export function setTheme(theme: ThemeChoice): void {
  usePrefs.setState({ theme });
}

export function openShortcuts(open: boolean): void {
  usePrefs.setState({ shortcutsOpen: open });
}
