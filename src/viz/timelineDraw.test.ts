import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import gatherEvents from '../model/fixtures/timeline-gather.trace.json';
import { phrase } from '../model';
import { buildTimeline, type TimelineLane, type TimelineSpan } from '../model/timeline';
import { laneRows } from '../model/timelineRows';
import type { TraceEvent } from '../trace/schema';
import type { Fill, Painter } from './paint';
import { drawTimeline, type AxisMode, type Scene, type TimelineTheme } from './timelineDraw';
import { describeSpan, seqAtPixel, spanAt } from './timelineHit';

const events = gatherEvents as TraceEvent[];
const timeline = buildTimeline(events);
const rows = laneRows(timeline);
const theme: TimelineTheme = {
  palette: ['#p0', '#p1', '#p2', '#p3'], loop: '#loop', blocked: '#red', ink: '#ink', faint: '#faint',
  paper: '#paper', cursor: '#cursor', font: '12px monospace',
};

/** Records what would be painted; text is 7 px a character. */
class RecordingPainter implements Painter {
  rects: { x: number; y: number; w: number; fill: Fill }[] = [];
  texts: { text: string; x: number; y: number }[] = [];
  lines: { colour: string; x0: number }[] = [];
  rect(x: number, y: number, w: number, _h: number, fill: Fill) { this.rects.push({ x, y, w, fill }); }
  outline() {}
  line(x0: number, _y0: number, _x1: number, _y1: number, colour: string) { this.lines.push({ colour, x0 }); }
  polygon() {}
  circle() {}
  text(text: string, x: number, y: number) { this.texts.push({ text, x, y }); }
  textWidth(text: string) { return text.length * 7; }
}

function scene(mode: AxisMode, width: number, overrides: Partial<Scene> = {}): Scene {
  const end = mode === 'time' ? timeline.lastT : timeline.lastSeq;
  return {
    rows, rowOf: new Map(rows.map((r, i) => [r.lane.id, i])), wakes: timeline.wakes, mode,
    x: scaleLinear().domain([0, end]).range([0, width]), width, height: 400, top: 0, rowHeight: 20,
    cursorX: null, theme, ...overrides,
  };
}

describe('drawing the timeline', () => {
  it('labels suspended spans with what they await, cut short where it does not fit', () => {
    const wide = new RecordingPainter();
    drawTimeline(wide, scene('time', 1200));
    expect(wide.texts.map((t) => t.text)).toEqual(expect.arrayContaining(['sleep(1) until t=1', 'sleep(3) until t=3']));
    const narrow = new RecordingPainter();
    drawTimeline(narrow, scene('time', 200));
    // 1 s is 67 px here: "sleep(1) until t=1" (126 px) does not fit, the 3 s one (200 px) does.
    const texts = narrow.texts.map((t) => t.text);
    expect(texts).toContain('sleep(3) until t=3');
    const cut = texts.find((t) => t.startsWith('sleep(') && t !== 'sleep(3) until t=3');
    expect(cut).toMatch(/^sleep\(.*…$/);
    // Inside the span, clear of the run mark it starts at (7 px) and of its end (4 px).
    expect(cut!.length * 7).toBeLessThanOrEqual(67 - 11);
    const start = narrow.texts.find((t) => t.text === cut)!;
    expect(start.x).toBeGreaterThanOrEqual(7);
    const tiny = new RecordingPainter();
    drawTimeline(tiny, scene('time', 30));
    expect(tiny.texts).toEqual([]);
  });

  it('paints the blocking call red and cross-hatched, on the loop lane and on its task', () => {
    const p = new RecordingPainter();
    drawTimeline(p, scene('time', 900));
    const blocked = p.rects.filter((r) => r.fill.kind === 'cross');
    expect(blocked.map((r) => r.y)).toEqual([0, 3 * 20].map((y) => y + 1));
    expect(blocked.every((r) => r.fill.kind === 'cross' && r.fill.background === '#red')).toBe(true);
    expect(blocked[0]).toMatchObject({ x: 600, w: 150 });
  });

  it('visits only the rows in view', () => {
    const p = new RecordingPainter();
    drawTimeline(p, scene('time', 900, { height: 50, top: -40 }));
    const ys = new Set(p.rects.map((r) => Math.floor(r.y / 20) * 20));
    expect([...ys].every((y) => y >= -40 && y <= 50)).toBe(true);
    // Rows 2 to 4 (the workers) are in view; main's gather label (row 1) is not drawn.
    expect(p.texts.map((t) => t.text)).toEqual(['sleep(1) until t=1', 'sleep(2) until t=2', 'sleep(3) until t=3']);
  });

  it('draws the cursor line where the scene puts it', () => {
    const p = new RecordingPainter();
    drawTimeline(p, scene('step', 900, { cursorX: 123 }));
    expect(p.lines.filter((l) => l.colour === '#cursor')).toEqual([{ colour: '#cursor', x0: 123 }]);
  });
});

describe('pointing at the timeline', () => {
  it('explains the span under the pointer', () => {
    const hit = spanAt(scene('time', 900), 450, 3 * 20 + 10);
    expect(hit?.lane.id).toBe('Task-3');
    const parked = events.find((ev) => ev.kind === 'suspend' && ev.id === 'Task-3')!.seq;
    const woken = events.find((ev) => ev.kind === 'schedule' && ev.target === 'Task-3' && ev.t === 2)!.seq;
    // As phrases the dictionary words ("Task-3 work(): suspended, awaiting sleep(2) until t=2" in English).
    expect(describeSpan(hit!)).toEqual([
      phrase('timeline.tip.what', {
        who: 'Task-3 work()', what: phrase('timeline.tip.suspended', { awaits: phrase('words.sleepUntil', { delay: '2', t: '2' }) }),
      }),
      phrase('timeline.tip.when', { t0: '0', t1: '2', seq0: parked, seq1: woken }),
    ]);
    expect(spanAt(scene('time', 900), 450, 30 * 20)).toBeNull();
  });

  it("says a thread's blocked span holds up that thread only, and a busy wait spins until another acts", () => {
    const thread: TimelineLane = { id: 'Thread-2 (consumer)', coro: 'thread', parent: null, internal: false, order: -1, spans: [], end: null, thread: true };
    const span = (label: string): TimelineSpan => ({ kind: 'blocked', t0: 2, t1: 4, seq0: 5, seq1: 6, label, wait: null, open: false });
    const who = phrase('timeline.tip.threadWho', { id: 'Thread-2 (consumer)', kind: phrase('timeline.thread') });
    expect(describeSpan({ lane: thread, span: span('busy-waits (spins until t=4)') })[0]).toEqual(phrase('timeline.tip.what', {
      who, what: phrase('timeline.tip.spins', { dur: '2', t: '4' }),
    }));
    expect(describeSpan({ lane: thread, span: span('time.sleep(2)') })[0]).toEqual(phrase('timeline.tip.what', {
      who, what: phrase('timeline.tip.blockedThread', { call: 'time.sleep(2)', dur: '2' }),
    }));
    expect(describeSpan({ lane: thread, span: { ...span(''), kind: 'running' } })[0]).toEqual(phrase('timeline.tip.what', {
      who, what: phrase('timeline.tip.threadRunning'),
    }));
    expect(describeSpan({ lane: { ...thread, thread: false }, span: span('time.sleep(2)') })[0]).toEqual(phrase('timeline.tip.what', {
      who: 'Thread-2 (consumer) thread()', what: phrase('timeline.tip.blocked', { call: 'time.sleep(2)', dur: '2' }),
    }));
    expect(describeSpan({ lane: { ...thread, thread: false }, span: { ...span('time.sleep(2)'), holdsNoLoop: true } })[0]).toEqual(
      phrase('timeline.tip.what', { who: 'Thread-2 (consumer) thread()', what: phrase('timeline.tip.blockedMain', { call: 'time.sleep(2)', dur: '2' }) }));
  });

  it('seeks to the nearest step on the step axis, to the last event by then on the time axis', () => {
    expect(seqAtPixel(scene('step', timeline.lastSeq * 10), events, 425)).toBe(43);
    expect(events[seqAtPixel(scene('time', 300), events, 250)].t).toBeLessThanOrEqual(2.5);
  });
});
