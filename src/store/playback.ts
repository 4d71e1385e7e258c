/**
 * Play/pause: steps forward at the chosen granularity, `speed` steps per second, until
 * the end of a finished run or a breakpoint.
 */
import { nextBreakpoint } from '../model';
import { seek, stepForward } from './cursor';
import { getApp, setApp } from './store';

export const SPEEDS: readonly number[] = [1, 2, 4, 8, 16, 32];

let timer: ReturnType<typeof setTimeout> | null = null;

function schedule(): void {
  timer = setTimeout(tick, 1000 / getApp().speed);
}

function tick(): void {
  timer = null;
  const { playing, cursor: from, trace, breakpoints } = getApp();
  if (!playing) return;
  const moved = stepForward();
  // A coarse step may jump over a breakpoint: stop on it instead.
  const hit = nextBreakpoint(trace, from, new Set(breakpoints));
  if (hit !== null && hit <= getApp().cursor) {
    seek(hit);
    pausePlayback();
    return;
  }
  // While the program still runs, more events may arrive: keep waiting at the end.
  if (!moved && !getApp().running) {
    pausePlayback();
    return;
  }
  schedule();
}

export function startPlayback(): void {
  if (getApp().playing) return;
  setApp({ playing: true });
  schedule();
}

export function pausePlayback(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  if (getApp().playing) setApp({ playing: false });
}

export function togglePlayback(): void {
  if (getApp().playing) pausePlayback();
  else startPlayback();
}

export function setSpeed(speed: number): void {
  setApp({ speed });
}
