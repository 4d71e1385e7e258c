import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import gatherEvents from '../model/fixtures/timeline-gather.trace.json';
import { buildTimeline } from '../model/timeline';
import { laneRows } from '../model/timelineRows';
import type { TraceEvent } from '../trace/schema';
import { timelineSvg } from './timelineExport';

const timeline = buildTimeline(gatherEvents as TraceEvent[]);
const rows = laneRows(timeline);
const theme = {
  palette: ['#111111', '#222222', '#333333', '#444444'], loop: '#555555', blocked: '#ff0000', ink: '#000000',
  faint: '#999999', paper: '#ffffff', cursor: '#ffaa00', font: '12px monospace',
};

describe('exporting the timeline as SVG', () => {
  const svg = timelineSvg({
    rows, rowOf: new Map(rows.map((r, i) => [r.lane.id, i])), wakes: timeline.wakes, mode: 'time',
    x: scaleLinear().domain([0, 3]).range([0, 900]), width: 900, height: 200, top: 26, rowHeight: 20,
    cursorX: 450, theme,
  }, '<g class="ticks"/>', 26, (text) => text.length * 7);

  it('holds the lane labels, the awaited things and the blocked pattern', () => {
    for (const label of ['event loop', 'Task-2 work', 'Task-4 work', 'sleep(3) until t=3']) expect(svg).toContain(`>${label}</text>`);
    const blocked = /<pattern id="(p\d+)"[^>]*><rect width="6" height="6" fill="#ff0000"/.exec(svg);
    expect(blocked).not.toBeNull();
    expect(svg.split(`fill="url(#${blocked![1]})"`)).toHaveLength(3);
    expect(svg).toContain('<g class="ticks"/>');
  });

  it('is one well-nested document', () => {
    const tags = [...svg.matchAll(/<(\/?)(svg|g|pattern|defs)\b[^>]*?(\/?)>/g)];
    let depth = 0;
    for (const [, close, , selfClosing] of tags) {
      if (selfClosing) continue;
      depth += close ? -1 : 1;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });
});
