import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace/schema';
import cancelEvents from './fixtures/cancel.trace.json';
import threadLoopEvents from './fixtures/thread-loop.trace.json';
import gatherEvents from './fixtures/timeline-gather.trace.json';
import { buildTimeline, LOOP_LANE, seqAtTime, timeAfter, TimelineBuilder, type Timeline } from './timeline';
import { laneRows } from './timelineRows';

// gather(work("a", 1), work("b", 2), work("c", 3)); "b" calls time.sleep(0.5) after its sleep.
const gather = gatherEvents as TraceEvent[];
const cancel = cancelEvents as TraceEvent[];
const threadLoop = threadLoopEvents as TraceEvent[];

const lane = (timeline: Timeline, id: string) => timeline.lanes.find((x) => x.id === id)!;
const spansOf = (timeline: Timeline, id: string, kind: string) => lane(timeline, id).spans.filter((x) => x.kind === kind);

describe('the timeline of a three-task gather', () => {
  const timeline = buildTimeline(gather);

  it('ends each worker\'s sleep at 1, 2 and 3 s, labelled with what it awaited', () => {
    const sleeps = ['Task-2', 'Task-3', 'Task-4'].map((id) => spansOf(timeline, id, 'suspended'));
    expect(sleeps.map((s) => s.map((x) => [x.t0, x.t1, x.label]))).toEqual([
      [[0, 1, 'sleep(1) until t=1']], [[0, 2, 'sleep(2) until t=2']], [[0, 3, 'sleep(3) until t=3']],
    ]);
    expect(spansOf(timeline, 'Task-1', 'suspended')[0]).toMatchObject({ t0: 0, t1: 3, wait: 'gather' });
  });

  it('keeps every lane\'s spans in order, each ending where the next starts', () => {
    for (const { spans } of timeline.lanes) {
      for (let i = 1; i < spans.length; i++) {
        expect(spans[i].seq0).toBeGreaterThanOrEqual(spans[i - 1].seq1);
        expect(spans[i].t0).toBeGreaterThanOrEqual(spans[i - 1].t1);
      }
    }
  });

  it('shows the workers pending, then running once, before they park', () => {
    const kinds = lane(timeline, 'Task-2').spans.map((x) => x.kind);
    expect(kinds).toEqual(['pending', 'running', 'suspended', 'ready', 'running']);
    expect(lane(timeline, 'Task-2').end).toMatchObject({ state: 'done', t: 1 });
  });

  it('puts time.sleep(0.5) on the loop lane, and on the task that called it, as 0.5 s blocked', () => {
    const [onLoop] = spansOf(timeline, LOOP_LANE, 'blocked');
    expect(onLoop).toMatchObject({ t0: 2, t1: 2.5, label: 'time.sleep(0.5)' });
    expect(spansOf(timeline, 'Task-3', 'blocked')).toEqual([onLoop]);
    expect(onLoop!.holdsNoLoop).toBeUndefined(); // a task's call: it freezes the loop
    expect(spansOf(timeline, 'Task-4', 'blocked')).toEqual([]);
    expect(spansOf(timeline, LOOP_LANE, 'idle').map((x) => [x.t0, x.t1])).toEqual([[0, 1], [1, 2], [2.5, 3]]);
  });

  it('links each wake-up to the resumption it caused', () => {
    const toTask = (id: string) => timeline.wakes.filter((w) => w.to === id);
    expect(toTask('Task-2')).toHaveLength(1);
    const [wake] = toTask('Task-2');
    expect(gather[wake.fromSeq]).toMatchObject({ kind: 'schedule', target: 'Task-2', cause: 'sleep(1) done → wake Task-2' });
    expect(gather[wake.toSeq]).toMatchObject({ kind: 'resume', id: 'Task-2' });
    expect(toTask('Task-1').map((w) => w.toT)).toEqual([3]);
    expect(timeline.wakes.map((w) => w.to).sort()).toEqual(['Task-1', 'Task-2', 'Task-3', 'Task-4']);
  });
});

describe('a timeline built while the trace streams in', () => {
  it('ends unfinished spans at the last event and marks them open', () => {
    const builder = new TimelineBuilder();
    const cut = gather.findIndex((ev) => ev.kind === 'clock' && ev.to === 2);
    builder.update(gather.slice(0, cut + 1));
    const partial = builder.view();
    const [sleeping] = spansOf(partial, 'Task-4', 'suspended');
    expect(sleeping).toMatchObject({ open: true, t1: 2, seq1: cut });
    builder.update(gather);
    expect(builder.view()).toEqual(buildTimeline(gather));
  });
});

describe('a task cancelled while it sleeps', () => {
  it('ends cancelled, woken by the cancellation', () => {
    const timeline = buildTimeline(cancel);
    const cancelled = timeline.lanes.filter((x) => x.end?.state === 'cancelled');
    expect(cancelled.length).toBeGreaterThan(0);
    for (const x of cancelled) expect(timeline.wakes.some((w) => w.to === x.id)).toBe(true);
  });
});

describe('seeking by time', () => {
  it('lands on the last event whose clock reads at most the time clicked', () => {
    const seq = seqAtTime(gather, 2.5);
    expect(timeAfter(gather[seq])).toBe(2.5);
    expect(timeAfter(gather[seq + 1])).toBe(3);
    expect(seqAtTime(gather, 0.5)).toBe(gather.findIndex((ev) => ev.kind === 'clock') - 1);
    expect(seqAtTime(gather, -1)).toBe(-1);
  });
});

describe('lane rows', () => {
  const timeline = buildTimeline(gather);
  const ids = (rows: ReturnType<typeof laneRows>) => rows.map((r) => `${'  '.repeat(r.depth)}${r.lane.id}`);

  it('put the loop first and the gathered workers under main, internal tasks hidden', () => {
    expect(ids(laneRows(timeline))).toEqual(['loop', 'Task-1', '  Task-2', '  Task-3', '  Task-4']);
    expect(laneRows(timeline, new Set(), true).map((r) => r.lane.id)).toContain('Task-5');
  });

  it('fold a parent\'s children away', () => {
    const rows = laneRows(timeline, new Set(['Task-1']));
    expect(ids(rows)).toEqual(['loop', 'Task-1']);
    expect(rows[1]).toMatchObject({ children: 3, collapsed: true });
  });
});

describe('simulated threads', () => {
  it('get a lane each; their blocking calls block them, not the loop; hand-offs are arrows', async () => {
    const { TraceBuilder } = await import('./fixtures/build');
    const b = new TraceBuilder();
    const worker = 'ThreadPoolExecutor-0_0';
    b.at(0, 0, worker).add('io', { phase: 'start', io: 1, what: 'blocking(1) on ThreadPoolExecutor-0_0', dur: null });
    b.at(0, 0, worker, 13).add('blocked', { call: 'time.sleep(1)', dur: 1 });
    b.at(1, 0, worker).add('io', { phase: 'done', io: 1, what: 'blocking(1) on ThreadPoolExecutor-0_0', dur: null });
    const posted = b.at(1, 2).ready(7, '_set_state(Future#2)', null,
      'posted from ThreadPoolExecutor-0_0 via call_soon_threadsafe at t=1');
    const ran = b.callback(7, '_set_state(Future#2)');
    const timeline = buildTimeline(b.events);
    expect(lane(timeline, worker)).toMatchObject({ coro: 'worker thread' });
    expect(lane(timeline, worker).spans.map((x) => [x.kind, x.t0, x.t1])).toEqual([
      ['running', 0, 0], ['blocked', 0, 1], ['running', 1, 1]]);
    expect(spansOf(timeline, worker, 'blocked')[0]!.holdsNoLoop).toBe(true); // drawn grey, not red
    expect(spansOf(timeline, LOOP_LANE, 'blocked')).toEqual([]);
    expect(timeline.wakes).toContainEqual({ from: worker, to: LOOP_LANE, fromSeq: posted, fromT: 1, toSeq: ran, toT: 1 });
  });

  it('gives the tasks of a loop running in another thread lanes, under that thread', () => {
    // fixtures/thread-loop.py: the main thread posts two coroutines to a loop in "barista".
    const timeline = buildTimeline(threadLoop);
    const brews = timeline.lanes.filter((lane) => lane.coro === 'brew');
    expect(brews.map((lane) => [lane.parent, lane.end?.state, lane.end?.t])).toEqual([
      ['barista', 'done', 3], ['barista', 'done', 2]]);
    expect(brews[0]!.spans.map((span) => span.kind)).toEqual(['pending', 'running', 'suspended', 'ready', 'running']);
    // Colours count tasks only, as the task panel does: the thread's lane takes none.
    expect([lane(timeline, 'barista').order, ...brews.map((x) => x.order)]).toEqual([-1, 0, 1]);
    // Each post from the main thread (the loop's lane) is an arrow to the barista thread.
    expect(timeline.wakes.filter((w) => w.to === 'barista').map((w) => w.from)).toEqual([LOOP_LANE, LOOP_LANE]);
    // The barista's own loop idles and runs callbacks on its lane, not on the main loop's.
    expect(spansOf(timeline, LOOP_LANE, 'callback')).toEqual([]);
    // The main thread waits in order.result() at the top level: it holds up no loop.
    const mainWaits = spansOf(timeline, LOOP_LANE, 'blocked');
    expect(mainWaits.length).toBeGreaterThan(0);
    expect(mainWaits.every((span) => span.holdsNoLoop)).toBe(true);
  });

  it('tells a blocking call in a plain callback (the loop freezes) from one at the top level', async () => {
    const { TraceBuilder } = await import('./fixtures/build');
    const b = new TraceBuilder();
    b.at(0, 0, null, 2).add('blocked', { call: 'time.sleep(1)', dur: 1 });
    b.at(1, 1).ready(3, 'tick()');
    b.at(1, 2).callback(3, 'tick()');
    b.at(1, 2, null, 5).add('blocked', { call: 'time.sleep(2)', dur: 2 });
    const blocked = spansOf(buildTimeline(b.events), LOOP_LANE, 'blocked');
    expect(blocked.map((span) => [span.t0, span.holdsNoLoop ?? false])).toEqual([[0, true], [1, false]]);
  });
});
