/**
 * What one frame of the timeline shows, drawn through a Painter: only the rows and the
 * x range in view are visited, and within a lane spans are found by binary search.
 */
import type { ScaleLinear } from 'd3';
import type { TimelineLane, TimelineSpan, WakeLink } from '../model/timeline';
import type { LaneRow } from '../model/timelineRows';
import type { Fill, Painter } from './paint';

export type AxisMode = 'time' | 'step';

export interface TimelineTheme {
  /** Task colours by creation order, as the other panels use them. */
  readonly palette: readonly string[];
  readonly loop: string;
  readonly blocked: string;
  readonly ink: string;
  readonly faint: string;
  readonly paper: string;
  readonly cursor: string;
  readonly font: string;
}

export interface Scene {
  readonly rows: readonly LaneRow[];
  readonly rowOf: ReadonlyMap<string, number>;
  readonly wakes: readonly WakeLink[];
  readonly mode: AxisMode;
  /** Maps a time (mode 'time') or a seq (mode 'step') to a pixel. */
  readonly x: ScaleLinear<number, number>;
  readonly width: number;
  readonly height: number;
  /** Where row 0 starts, after scrolling. */
  readonly top: number;
  readonly rowHeight: number;
  readonly cursorX: number | null;
  readonly theme: TimelineTheme;
  /** A suspended span's label (what the task awaits) in the reader's language. */
  readonly wording?: (label: string) => string;
}

// More wake arrows than this in view is a hatching of lines, not information.
const MAX_ARROWS = 1500;
// Wakers further away than this many rows get a stub arrow, not a line across the lanes.
const STUB_BEYOND_ROWS = 12;

export const spanStart = (mode: AxisMode, s: TimelineSpan) => (mode === 'time' ? s.t0 : s.seq0);
export const spanEnd = (mode: AxisMode, s: TimelineSpan) => (mode === 'time' ? s.t1 : s.seq1);

export function laneColour(lane: TimelineLane, theme: TimelineTheme): string {
  return lane.order < 0 ? theme.loop : theme.palette[lane.order % theme.palette.length];
}

/** The first span of `spans` that ends at or after `value`. */
export function firstEndingFrom(spans: readonly TimelineSpan[], mode: AxisMode, value: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spanEnd(mode, spans[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Height (as a share of the row) and fill of each state: shape and pattern, not colour alone. */
function look(span: TimelineSpan, colour: string, theme: TimelineTheme): { share: number; fill: Fill | null } {
  switch (span.kind) {
    case 'running': return { share: 0.8, fill: { kind: 'solid', colour } };
    case 'ready': return { share: 0.5, fill: { kind: 'hatch', colour, background: theme.paper } };
    case 'suspended': return { share: 0.6, fill: { kind: 'solid', colour, alpha: 0.16 } };
    // A block that freezes no loop (a thread's, the main thread's outside any callback):
    // crossed, but not in the red of a frozen loop.
    case 'blocked': return { share: 0.9, fill: { kind: 'cross', colour: theme.paper, background: span.holdsNoLoop ? theme.loop : theme.blocked } };
    case 'callback': return { share: 0.6, fill: { kind: 'solid', colour: theme.loop } };
    case 'pending': case 'idle': return { share: 0.3, fill: null };
  }
}

const LABEL_INSET_PX = 7;
const MIN_LABEL_PX = 24;

/** The label, or its start with an ellipsis when only part fits (null when too little would). */
function fitted(p: Painter, label: string, room: number): string | null {
  const width = p.textWidth(label);
  if (width <= room) return label;
  const chars = Math.floor((room / width) * label.length) - 1;
  return chars >= 6 ? `${label.slice(0, chars)}…` : null;
}

function drawSpan(p: Painter, scene: Scene, span: TimelineSpan, colour: string, y: number): void {
  const { theme, rowHeight } = scene;
  const x0 = scene.x(spanStart(scene.mode, span));
  // A step at one instant has no width in time: still show it as a run mark.
  const w = Math.max(1.5, scene.x(spanEnd(scene.mode, span)) - x0);
  const { share, fill } = look(span, colour, theme);
  const h = rowHeight * share;
  const top = y + (rowHeight - h) / 2;
  if (span.kind === 'idle') {
    p.line(x0, y + rowHeight / 2, x0 + w, y + rowHeight / 2, theme.faint, 1.5, true);
    return;
  }
  if (fill) p.rect(x0, top, w, h, fill);
  if (span.kind === 'pending') p.outline(x0, top, w, h, colour, true);
  if (span.kind === 'suspended') {
    p.line(x0, top + h - 1, x0 + w, top + h - 1, colour, 2);
    // Clear of the run mark the span starts at, which read as a colon before the label.
    const left = Math.max(x0, 0) + LABEL_INSET_PX;
    const room = Math.min(x0 + w, scene.width) - left - 4;
    if (room > MIN_LABEL_PX) {
      const label = fitted(p, scene.wording ? scene.wording(span.label) : span.label, room);
      if (label !== null) p.text(label, left, y + rowHeight / 2, theme.ink, room);
    }
  }
}

function drawEnd(p: Painter, scene: Scene, lane: TimelineLane, colour: string, y: number): void {
  const end = lane.end;
  if (!end) return;
  const x = scene.x(scene.mode === 'time' ? end.t : end.seq);
  const cy = y + scene.rowHeight / 2;
  const r = Math.max(3, scene.rowHeight * 0.22);
  if (end.state === 'done') p.circle(x, cy, r, colour, true);
  else if (end.state === 'failed') {
    p.line(x - r, cy - r, x + r, cy + r, scene.theme.blocked, 2.5);
    p.line(x - r, cy + r, x + r, cy - r, scene.theme.blocked, 2.5);
  } else {
    p.circle(x, cy, r, scene.theme.faint, false);
    p.line(x - r * 0.7, cy + r * 0.7, x + r * 0.7, cy - r * 0.7, scene.theme.faint, 1.5);
  }
}

function arrow(p: Painter, x0: number, y0: number, x1: number, y1: number, colour: string): void {
  p.line(x0, y0, x1, y1, colour, 1);
  const angle = Math.atan2(y1 - y0, x1 - x0);
  const head = 6;
  p.polygon([
    [x1, y1],
    [x1 - head * Math.cos(angle - 0.4), y1 - head * Math.sin(angle - 0.4)],
    [x1 - head * Math.cos(angle + 0.4), y1 - head * Math.sin(angle + 0.4)],
  ], colour);
}

/**
 * Arrows from the event that woke a task to its resumption. When the waker's row is out
 * of view (the loop lane, hundreds of rows up) only a stub points into the woken lane:
 * long lines across every lane would hide the spans they cross.
 */
function drawWakes(p: Painter, scene: Scene, firstRow: number, lastRow: number): void {
  const mid = scene.rowHeight / 2;
  const colour = scene.theme.ink;
  let drawn = 0;
  for (const wake of scene.wakes) {
    const to = scene.rowOf.get(wake.to);
    if (to === undefined || to < firstRow || to > lastRow) continue;
    const x1 = scene.x(scene.mode === 'time' ? wake.toT : wake.toSeq);
    if (x1 < 0 || x1 > scene.width) continue;
    if (++drawn > MAX_ARROWS) return;
    const y1 = scene.top + to * scene.rowHeight + mid;
    const from = scene.rowOf.get(wake.from);
    const x0 = scene.x(scene.mode === 'time' ? wake.fromT : wake.fromSeq);
    if (from !== undefined && from >= firstRow && from <= lastRow && Math.abs(from - to) <= STUB_BEYOND_ROWS) {
      arrow(p, x0, scene.top + from * scene.rowHeight + mid, x1, y1, colour);
    } else {
      arrow(p, x1 - (x1 - x0) * 0.2, y1 - Math.sign(to - (from ?? 0)) * scene.rowHeight * 0.9, x1, y1, colour);
    }
  }
}

/** Draws the rows in view, their wake arrows and the cursor line. */
export function drawTimeline(p: Painter, scene: Scene): void {
  const { rows, rowHeight, top, mode } = scene;
  const firstRow = Math.max(0, Math.floor(-top / rowHeight));
  const lastRow = Math.min(rows.length - 1, Math.floor((scene.height - top) / rowHeight));
  const from = scene.x.invert(0);
  for (let r = firstRow; r <= lastRow; r++) {
    const { lane } = rows[r];
    const y = top + r * rowHeight;
    if (r % 2 === 1) p.rect(0, y, scene.width, rowHeight, { kind: 'solid', colour: scene.theme.faint, alpha: 0.06 });
    const colour = laneColour(lane, scene.theme);
    // Spans thinner than a pixel in the same pixel column as the last one drawn add nothing.
    let lastPixel = -Infinity;
    for (let i = firstEndingFrom(lane.spans, mode, from); i < lane.spans.length; i++) {
      const span = lane.spans[i];
      const x0 = scene.x(spanStart(mode, span));
      if (x0 > scene.width) break;
      const x1 = scene.x(spanEnd(mode, span));
      if (x1 - x0 < 1 && Math.floor(x0) === lastPixel && span.kind !== 'blocked') continue;
      lastPixel = Math.floor(x0);
      drawSpan(p, scene, span, colour, y);
    }
    drawEnd(p, scene, lane, colour, y);
  }
  drawWakes(p, scene, firstRow, lastRow);
  if (scene.cursorX !== null) p.line(scene.cursorX, 0, scene.cursorX, scene.height, scene.theme.cursor, 2);
}
