/**
 * The program text and what hangs on its lines. The text is saved on every change, so
 * a reload or a crash never loses it. A link or an imported trace replaces it, but the
 * text it replaced is kept (saved too) and can be restored.
 */
import { phrase } from '../model';
import { sourceFromHash } from './permalink';
import { getApp, setApp } from './store';

export const SOURCE_KEY = 'loopscope.source.v1';
export const BREAKPOINTS_KEY = 'loopscope.breakpoints.v1';
export const PREVIOUS_KEY = 'loopscope.previous-source.v1';

/** The subset of Web Storage we use; tests pass a Map-backed one. */
export interface TextStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

let storage: TextStorage | null = null;
// The example a first visit opens with: nobody's work, so replacing it keeps nothing.
let fallbackSource: string | null = null;

function save(key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Quota or privacy mode: the text still lives in memory for this session.
  }
}

function readBreakpoints(raw: string | null): number[] {
  try {
    const parsed: unknown = JSON.parse(raw ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is number => Number.isInteger(x) && x > 0) : [];
  } catch {
    return [];
  }
}

/**
 * Loads the program: from a `#code=` link, else the saved text, else `fallback`.
 * Returns true when it came from the link.
 */
export function initEditor(options: { hash: string; storage: TextStorage | null; fallback: string }): boolean {
  storage = options.storage;
  fallbackSource = options.fallback;
  const linked = sourceFromHash(options.hash);
  const saved = storage?.getItem(SOURCE_KEY) ?? null;
  const source = linked ?? saved ?? options.fallback;
  const breakpoints = linked === null ? readBreakpoints(storage?.getItem(BREAKPOINTS_KEY) ?? null) : [];
  setApp({ source: saved ?? '', previousSource: storage?.getItem(PREVIOUS_KEY) ?? null });
  if (linked !== null && keepPrevious(linked)) {
    setApp({ linkNotice: { kind: 'info', message: phrase('notice.openedLink') } });
  }
  setApp({ source, breakpoints });
  if (linked !== null) {
    save(SOURCE_KEY, linked);
    save(BREAKPOINTS_KEY, '[]');
  }
  return linked !== null;
}

/**
 * Before `next` replaces the editor's text: keeps the current text as the previous one
 * when it differs. Returns whether it did.
 */
export function keepPrevious(next: string): boolean {
  const current = getApp().source;
  if (current === next || current.trim() === '' || current === fallbackSource) return false;
  setApp({ previousSource: current });
  save(PREVIOUS_KEY, current);
  return true;
}

/** Swaps the editor's text with the previous one, so a second restore undoes the first. */
export function restorePreviousSource(): void {
  const { previousSource, source } = getApp();
  if (previousSource === null) return;
  setApp({ previousSource: source, linkNotice: null });
  save(PREVIOUS_KEY, source);
  setSource(previousSource);
}

export function setSource(source: string): void {
  if (source === getApp().source) return;
  setApp({ source });
  save(SOURCE_KEY, source);
}

export function toggleBreakpoint(line: number): void {
  const current = getApp().breakpoints;
  const breakpoints = current.includes(line)
    ? current.filter((x) => x !== line)
    : [...current, line].sort((a, b) => a - b);
  setApp({ breakpoints });
  save(BREAKPOINTS_KEY, JSON.stringify(breakpoints));
}

export function focusTask(id: string | null): void {
  setApp({ focusedTask: id });
}

let revealCount = 0;

/** Asks the editor to scroll to `line` and flash it (from a traceback or a chain frame). */
export function revealLine(line: number): void {
  revealCount += 1;
  setApp({ reveal: { line, nonce: revealCount } });
}
