/**
 * The theme the page shows: the switch's choice, or the system's (prefers-color-scheme)
 * while the switch says "system". Written on <html> as data-theme="light|dark", with
 * data-presentation while presentation mode is on, so what lives outside React (Monaco,
 * the timeline's canvas) can follow both.
 */
import { useEffect, useLayoutEffect } from 'react';
import { usePrefs, type ThemeChoice } from './prefs';

export type Theme = 'light' | 'dark';

const systemDark = (): boolean => typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;

export function resolveTheme(choice: ThemeChoice, prefersDark: boolean): Theme {
  if (choice === 'system') return prefersDark ? 'dark' : 'light';
  return choice;
}

function apply(): void {
  const { theme, presentation } = usePrefs.getState();
  const root = document.documentElement;
  root.dataset.theme = resolveTheme(theme, systemDark());
  if (presentation) root.dataset.presentation = '';
  else delete root.dataset.presentation;
}

// Before the first paint: no flash of the wrong theme.
if (typeof document !== 'undefined') apply();

/** Keeps <html> in step with the switch, the system and presentation mode. */
export function useThemeOnRoot(): void {
  const theme = usePrefs((s) => s.theme);
  const presentation = usePrefs((s) => s.presentation);
  useLayoutEffect(() => {
    apply();
    // Monaco sizes its text from the page's font size on resize; presentation changes it.
    window.dispatchEvent(new Event('resize'));
  }, [theme, presentation]);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia('(prefers-color-scheme: dark)');
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, []);
}

/** Calls `listener` whenever the page's theme or presentation mode changes (for Monaco, the canvas). */
export function onLookChange(listener: () => void): () => void {
  const observer = new MutationObserver(listener);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'data-presentation'] });
  return () => observer.disconnect();
}

/** Monaco's theme for the page's look: high contrast in presentation mode. */
export function monacoTheme(): 'vs' | 'vs-dark' | 'hc-light' | 'hc-black' {
  const root = document.documentElement;
  const dark = root.dataset.theme === 'dark';
  if (root.dataset.presentation !== undefined) return dark ? 'hc-black' : 'hc-light';
  return dark ? 'vs-dark' : 'vs';
}
