/** The timeline's colours and sizes, read from the page's CSS so they match every other panel. */
import type { TimelineTheme } from '../../viz/timelineDraw';

const PALETTE_SIZE = 8;

export function readTheme(el: HTMLElement): { theme: TimelineTheme; rowHeight: number } {
  const style = getComputedStyle(el);
  const v = (name: string) => style.getPropertyValue(name).trim();
  const fontSize = parseFloat(style.fontSize) || 15;
  const theme: TimelineTheme = {
    palette: Array.from({ length: PALETTE_SIZE }, (_, i) => v(`--task-${i}`)),
    loop: v('--task-none'),
    blocked: v('--state-failed'),
    ink: v('--ink'),
    faint: v('--ink-faint'),
    paper: v('--paper'),
    cursor: v('--focus'),
    font: `${Math.round(fontSize * 0.8)}px ${v('--font-code')}`,
  };
  return { theme, rowHeight: Math.round(fontSize * 1.6) };
}
