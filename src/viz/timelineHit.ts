/** What is under the pointer on the timeline, and where a click there seeks to. */
import { blockingCall, handleLabel, phrase, scheduleCause, waitDescription, type Wording } from '../model';
import { LOOP_LANE, seqAtTime, type TimelineLane, type TimelineSpan } from '../model/timeline';
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

/** Sentences that explain a span to someone hovering it, for the UI to word. */
export function describeSpan({ lane, span }: SpanHit): Wording[] {
  const who: Wording = lane.id === LOOP_LANE ? phrase('timeline.tip.loop')
    : lane.thread ? phrase('timeline.tip.threadWho', {
      id: lane.id, kind: phrase(lane.coro === 'thread' ? 'timeline.thread' : 'timeline.workerThread'),
    })
      : `${lane.id} ${lane.coro}()`;
  // The engine's text is worded first: shortening it would break the shapes it is read by.
  const word = (reword: (text: string) => Wording): Wording => {
    const worded = reword(span.label);
    return typeof worded === 'string' && worded.length > MAX_LABEL ? `${worded.slice(0, MAX_LABEL - 1)}…` : worded;
  };
  const what: Record<typeof span.kind, () => Wording> = {
    pending: () => phrase('timeline.tip.pending'),
    ready: () => phrase('timeline.tip.ready', { cause: word(scheduleCause) }),
    running: () => phrase(lane.thread ? 'timeline.tip.threadRunning' : 'timeline.tip.running'),
    suspended: () => phrase('timeline.tip.suspended', { awaits: word(waitDescription) }),
    blocked: () => blockedTip(lane, span, word(blockingCall)),
    idle: () => phrase('timeline.tip.idle', { t: round(span.t1) }),
    callback: () => phrase('timeline.tip.callback', { label: word(handleLabel) }),
  };
  const lines: Wording[] = [
    phrase('timeline.tip.what', { who, what: what[span.kind]() }),
    phrase(span.open ? 'timeline.tip.whenSoFar' : 'timeline.tip.when', {
      t0: round(span.t0), t1: round(span.t1), seq0: span.seq0, seq1: span.seq1,
    }),
  ];
  const end = lane.end;
  if (end && span === lane.spans[lane.spans.length - 1]) {
    const state = phrase(`timeline.tip.end.${end.state}`);
    lines.push(end.detail ? phrase('timeline.tip.thenDetail', { state, detail: end.detail }) : phrase('timeline.tip.then', { state }));
  }
  return lines;
}

/** A blocking call freezes the loop, unless it holds up none (`holdsNoLoop`: the main thread's
 * outside any callback); on a thread's lane it holds up that thread only, and a busy wait
 * (src/engine/py/loopscope/spins.py) is that thread spinning until another acts. */
function blockedTip(lane: TimelineLane, span: TimelineSpan, call: Wording): Wording {
  const dur = round(span.t1 - span.t0);
  if (lane.thread) {
    if (span.label.startsWith('busy-waits (')) return phrase('timeline.tip.spins', { dur, t: round(span.t1) });
    return phrase('timeline.tip.blockedThread', { call, dur });
  }
  return phrase(span.holdsNoLoop ? 'timeline.tip.blockedMain' : 'timeline.tip.blocked', { call, dur });
}

const MAX_LABEL = 120;
const round = (t: number) => String(Math.round(t * 1000) / 1000);
