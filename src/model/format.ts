/** Formatting shared by the narration and the panels. */
import type { VirtualSeconds } from '../trace/schema';

/** Virtual seconds with at most three decimals and no float noise: 0.18000000000000002 → "0.18". */
export function formatSeconds(t: VirtualSeconds): string {
  const rounded = Math.round(t * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** The virtual clock as the panel shows it: always three decimals, "2.000". */
export function formatClock(t: VirtualSeconds): string {
  return (Math.round(t * 1000) / 1000).toFixed(3);
}

const MAX_QUOTE = 60;

/** Program output as a short inline quotation. */
export function quoteOutput(text: string): string {
  const oneLine = text.replace(/\n$/, '').replace(/\n/g, ' ⏎ ');
  const short = oneLine.length > MAX_QUOTE ? `${oneLine.slice(0, MAX_QUOTE - 1)}…` : oneLine;
  return `“${short}”`;
}
