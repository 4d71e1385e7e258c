/** What is under the pointer on the timeline, and where a click there seeks to. */
import { seqAtTime, type TimelineLane, type TimelineSpan } from '../model/timeline';
import type { TraceEvent } from '../trace/schema';
import { firstEndingFrom, spanEnd, spanStart, type Scene } from './timelineDraw';

export interface SpanHit {
  readonly lane: TimelineLane;
  readonly span: TimelineSpan;
}

// Spans at one instant are drawn 1.5 px wide: let the pointer miss them by a little.
const SLOP_PX = 3;

/** The span under pixel (px, py), the nearest one within a few pixels. */
export function spanAt(scene: Scene, px: number, py: number): SpanHit | null {
  const row = Math.floor((py - scene.top) / scene.rowHeight);
  const lane = scene.rows[row]?.lane;
  if (!lane) return null;
  const { mode, x } = scene;
  let best: SpanHit | null = null;
  let bestDistance = SLOP_PX;
  for (let i = firstEndingFrom(lane.spans, mode, x.invert(px - SLOP_PX)); i < lane.spans.length; i++) {
    const span = lane.spans[i];
    const x0 = x(spanStart(mode, span));
    if (x0 > px + SLOP_PX) break;
    const x1 = x(spanEnd(mode, span));
    const distance = px < x0 ? x0 - px : px > x1 ? px - x1 : -1;
    // Blocked spans sit inside running ones in time: prefer the narrower, more specific one.
    if (distance < bestDistance || (distance === bestDistance && distance < 0)) {
      best = { lane, span };
      bestDistance = distance;
    }
  }
  return best;
}

/** The cursor a click at pixel `px` asks for: the nearest step, or the last event at or before the time. */
export function seqAtPixel(scene: Scene, events: readonly TraceEvent[], px: number): number {
  const value = scene.x.invert(px);
  const last = events.length - 1;
  if (scene.mode === 'step') return Math.max(0, Math.min(last, Math.round(value)));
  return Math.max(0, seqAtTime(events, value));
}

/** Sentences that explain a span to someone hovering it. */
export function describeSpan({ lane, span }: SpanHit): string[] {
  const who = lane.id === 'loop' ? 'The event loop' : `${lane.id} ${lane.coro}()`;
  const when = `t=${round(span.t0)}–${round(span.t1)} s · steps ${span.seq0}–${span.seq1}${span.open ? ' (so far)' : ''}`;
  const label = span.label.length > MAX_LABEL ? `${span.label.slice(0, MAX_LABEL - 1)}…` : span.label;
  const what: Record<typeof span.kind, string> = {
    pending: 'created, waiting in the ready queue for its first step',
    ready: `ready: woken, waiting in the ready queue (${label})`,
    running: 'running: the loop is executing its step',
    suspended: `suspended, awaiting ${label}`,
    blocked: `blocked by ${label}: the whole loop froze for ${round(span.t1 - span.t0)} s`,
    idle: `nothing to run: the clock jumps (${label})`,
    callback: `running callback ${label}`,
  };
  const lines = [`${who}: ${what[span.kind]}`, when];
  if (lane.end && span === lane.spans[lane.spans.length - 1]) lines.push(`then ${lane.end.state}${lane.end.detail ? `: ${lane.end.detail}` : ''}`);
  return lines;
}

const MAX_LABEL = 120;
const round = (t: number) => String(Math.round(t * 1000) / 1000);
