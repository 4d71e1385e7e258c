import { useEffect, useRef, useState } from 'react';
import { seek, useApp } from '../../store';
import { TimelineView } from '../../viz/timeline';
import type { AxisMode } from '../../viz/timelineDraw';
import { describeSpan } from '../../viz/timelineHit';
import { sayIn, useLocale, useT } from '../../i18n';
import { waitDescription, type Wording } from '../../model';
import { onLookChange } from '../presentation/theme';
import { download } from '../share/download';
import { setShownTimeline } from './exportHandle';
import { LaneLabels } from './LaneLabels';
import { readTheme } from './theme';
import { useTimelineData } from './useTimelineData';
import { FoldButton } from '../layout/Pane';
import './timeline.css';

// Label rows per block; the block in view and one either side are in the DOM.
const LABEL_BLOCK = 40;

interface Tip { lines: Wording[]; x: number; y: number }

const AXES: readonly AxisMode[] = ['time', 'step'];

// The panel contains its own layout and paint: the tip is placed inside it, never cut off.
function placeTip(panel: HTMLElement, lines: Wording[], clientX: number, clientY: number): Tip {
  const box = panel.getBoundingClientRect();
  const x = clientX - box.left;
  const y = clientY - box.top;
  return {
    lines,
    x: x > box.width / 2 ? Math.max(0, x - 12 - Math.min(box.width / 2, 420)) : x + 12,
    y: y > box.height / 2 ? Math.max(0, y - 12 - 16 * (lines.length + 1)) : y + 12,
  };
}

export function TimelinePanel() {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const { trace, timeline, rows } = useTimelineData(collapsed);
  const [mode, setMode] = useState<AxisMode>('time');
  const [tip, setTip] = useState<Tip | null>(null);
  const plot = useRef<HTMLDivElement>(null);
  const labels = useRef<HTMLDivElement>(null);
  const view = useRef<TimelineView | null>(null);
  const panel = useRef<HTMLElement>(null);
  const [rowHeight, setRowHeight] = useState(24);
  const [block, setBlock] = useState(0);

  useEffect(() => {
    const el = plot.current!;
    const { theme, rowHeight: height } = readTheme(el);
    setRowHeight(height);
    const created = new TimelineView(el, theme, height, {
      seek,
      hover: (hit, x, y) => setTip(hit ? placeTip(panel.current!, describeSpan(hit), x, y) : null),
      scroll: (scrollY) => {
        const column = labels.current;
        if (column && Math.abs(column.scrollTop - scrollY) > 0.5) column.scrollTop = scrollY;
        // Labels are rendered a block at a time: React works only when a block boundary is crossed.
        setBlock(Math.floor(scrollY / height / LABEL_BLOCK));
      },
    });
    view.current = created;
    setShownTimeline(created);
    // Theme and presentation mode change the colours and the type size the canvas draws with.
    const stopFollowingLook = onLookChange(() => {
      const look = readTheme(el);
      created.theme = look.theme;
      created.rowHeight = look.rowHeight;
      setRowHeight(look.rowHeight);
      created.invalidate();
    });
    const follow = (s: { cursor: number; snapshot: { t: number } }) => created.setCursor(s.cursor, s.snapshot.t);
    follow(useApp.getState());
    // The cursor moves many times a second while playing: follow it without re-rendering.
    const unsubscribe = useApp.subscribe(follow);
    return () => {
      unsubscribe();
      stopFollowingLook();
      created.destroy();
      view.current = null;
      setShownTimeline(null);
    };
  }, []);

  useEffect(() => {
    view.current?.setData({ timeline, rows, events: trace.events });
  }, [timeline, rows, trace]);

  // The labels drawn on the canvas (what each suspended task awaits) follow the language.
  const locale = useLocale((s) => s.locale);
  useEffect(() => {
    const shown = view.current;
    if (!shown) return;
    shown.wording = (label) => sayIn(locale, waitDescription(label));
    shown.invalidate();
  }, [locale]);

  // A new run starts with the whole of it in view, not at the zoom of the last one.
  useEffect(() => view.current?.fit(), [trace]);

  const chooseAxis = (next: AxisMode) => {
    setMode(next);
    view.current?.setMode(next);
  };
  const toggle = (id: string) => setCollapsed((before) => {
    const after = new Set(before);
    if (!after.delete(id)) after.add(id);
    return after;
  });

  // The program's tasks (not threads' lanes, which have no order, nor asyncio.run's own
  // housekeeping), folded ones included.
  const tasks = timeline.lanes.filter((lane) => lane.order >= 0 && !lane.internal).length;
  // A program of threads only (executor jobs, no coroutines) still has lanes to show.
  const threads = timeline.lanes.filter((lane) => lane.thread).length;
  const t = useT();
  return (
    <section ref={panel} className="panel timeline-panel" aria-label={t('timeline.title')}>
      <header className="panel-head">
        <FoldButton />
        <h2>{t('timeline.title')}</h2>
        <span className="panel-note">
          {tasks > 0 ? (tasks === 1 ? t('timeline.countOne') : t('timeline.count', { n: tasks }))
            : threads > 1 ? t('timeline.threadsOnly', { n: threads })
              : threads === 1 ? t('timeline.threadsOnlyOne') : t('timeline.empty')}
          {timeline.lastSeq > 0 && timeline.lastT === 0 && mode === 'time' ? t('timeline.allAtZero') : ''}
        </span>
        <div className="timeline-tools">
          <div className="timeline-axis-toggle" role="radiogroup" aria-label={t('timeline.axis')}>
            {AXES.map((axis) => (
              <button key={axis} role="radio" aria-checked={mode === axis} title={t(`timeline.axis.${axis}.hint`)}
                data-testid={`timeline-axis-${axis}`} onClick={() => chooseAxis(axis)}>
                {t(`timeline.axis.${axis}`)}
              </button>
            ))}
          </div>
          <button data-testid="timeline-fit" title={t('timeline.fitHint')} onClick={() => view.current?.fit()}>{t('timeline.fit')}</button>
          <button title={t('timeline.svgHint')} onClick={() => view.current && download(new Blob([view.current.exportSvg()], { type: 'image/svg+xml' }), 'loopscope-timeline.svg')}>SVG</button>
          <button title={t('timeline.pngHint')} onClick={() => void view.current?.exportPng().then((png) => download(png, 'loopscope-timeline.png'))}>PNG</button>
        </div>
      </header>
      <div className="timeline-body">
        {/* The label column's scrollbar scrolls the lanes; dragging the plot scrolls it back. */}
        <div ref={labels} className="timeline-labels" style={{ ['--row' as string]: `${rowHeight}px` }}
          onScroll={(ev) => view.current?.scrollTo(ev.currentTarget.scrollTop)}>
          <LaneLabels rows={rows} first={Math.max(0, (block - 1) * LABEL_BLOCK)} last={(block + 2) * LABEL_BLOCK} onToggle={toggle} />
        </div>
        <div ref={plot} className="timeline-plot" data-testid="timeline" data-axis={mode} />
      </div>
      {tip && (
        <div className="timeline-tip" role="tooltip" style={{ left: tip.x, top: tip.y }}>
          {tip.lines.map((line, i) => <div key={i}>{sayIn(locale, line)}</div>)}
        </div>
      )}
    </section>
  );
}
