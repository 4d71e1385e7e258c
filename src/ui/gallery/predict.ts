/**
 * Predict mode (a teacher's toggle): after a run, before any step is shown, the class
 * is asked what prints first. Kept apart from the app store: it is a classroom setting.
 */
import { create } from 'zustand';

interface PredictState {
  enabled: boolean;
  /** The run whose question was answered or skipped: each run asks once. */
  settledRun: number | null;
  /** The pick and the right line, shown while that run is on screen. */
  result: { runId: number; guess: string; answer: string } | null;
}

const KEY = 'loopscope.predict.v1';

function saved(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export const usePredict = create<PredictState>()(() => ({ enabled: saved(), settledRun: null, result: null }));

export function togglePredict(): void {
  const enabled = !usePredict.getState().enabled;
  usePredict.setState({ enabled, result: null });
  try {
    globalThis.localStorage?.setItem(KEY, enabled ? '1' : '0');
  } catch {
    // Privacy mode: the toggle lasts this session.
  }
}

export function settle(runId: number, guess: string | null, answer: string): void {
  usePredict.setState({ settledRun: runId, result: guess === null ? null : { runId, guess, answer } });
}

/** Up to `count` distinct printed lines, the first among them, in a shuffled order. */
export function choicesFrom(lines: readonly string[], count = 4, random: () => number = Math.random): string[] {
  const distinct = [...new Set(lines.map((l) => l.replace(/\n$/, '')).filter((l) => l.trim() !== ''))];
  const [first, ...rest] = distinct;
  if (first === undefined) return [];
  const others = shuffle(rest, random).slice(0, count - 1);
  return shuffle([first, ...others], random);
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
