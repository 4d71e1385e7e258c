/**
 * The timeline view: a canvas for the lanes (thousands of spans stay fluid), an SVG
 * axis over it, d3-zoom for wheel zoom and drag pan. Imperative, no React: a host
 * gives it data and the cursor, and hears back seeks, hovers and scrolling.
 */
import { axisTop, scaleLinear, select, zoom, zoomIdentity, type D3ZoomEvent, type ScaleLinear, type ZoomBehavior, type ZoomTransform } from 'd3';
import type { Timeline } from '../model/timeline';
import type { LaneRow } from '../model/timelineRows';
import type { TraceEvent } from '../trace/schema';
import { CanvasPainter } from './paint';
import { drawTimeline, type AxisMode, type Scene, type TimelineTheme } from './timelineDraw';
import { exportWidth, svgToPng, timelineSvg } from './timelineExport';
import { seqAtPixel, spanAt, type SpanHit } from './timelineHit';

export const AXIS_HEIGHT = 26;
// Room for the first tick's label and the end marks of tasks that finish last.
const PAD_LEFT = 16;
const PAD_RIGHT = 28;

export interface TimelineCallbacks {
  seek(seq: number): void;
  hover(hit: SpanHit | null, clientX: number, clientY: number): void;
  /** Rows moved up by `scrollY` pixels: lane labels follow. */
  scroll(scrollY: number): void;
}

export interface TimelineData {
  readonly timeline: Timeline;
  readonly rows: readonly LaneRow[];
  readonly events: readonly TraceEvent[];
}

export class TimelineView {
  readonly canvas: HTMLCanvasElement;
  readonly axis: SVGSVGElement;
  private readonly root: HTMLElement;
  private readonly callbacks: TimelineCallbacks;
  private readonly zoomer: ZoomBehavior<HTMLCanvasElement, unknown>;
  private readonly resizer: ResizeObserver;
  private data: TimelineData | null = null;
  private rowOf = new Map<string, number>();
  private transform: ZoomTransform = zoomIdentity;
  private scrollY = 0;
  private width = 0;
  private height = 0;
  private frame = 0;
  private painter: CanvasPainter | null = null;
  private cursor = { seq: -1, t: 0 };
  private readonly cursorLine: HTMLDivElement;
  mode: AxisMode = 'time';
  theme: TimelineTheme;
  rowHeight: number;
  /** Words the labels drawn on spans in the reader's language (set by the panel). */
  wording: (label: string) => string = (label) => label;

  constructor(root: HTMLElement, theme: TimelineTheme, rowHeight: number, callbacks: TimelineCallbacks) {
    this.root = root;
    this.theme = theme;
    this.rowHeight = rowHeight;
    this.callbacks = callbacks;
    this.canvas = root.appendChild(document.createElement('canvas'));
    // The cursor is an element of its own, moved by a compositor transform: a step moves
    // it without redrawing the canvas, which keeps stepping inside one frame.
    this.cursorLine = root.appendChild(document.createElement('div'));
    this.cursorLine.className = 'timeline-cursor';
    this.cursorLine.style.background = theme.cursor;
    this.axis = root.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));
    this.axis.classList.add('timeline-axis');
    this.zoomer = zoom<HTMLCanvasElement, unknown>()
      .filter((ev: Event) => !(ev instanceof WheelEvent && ev.shiftKey) && !(ev instanceof MouseEvent && ev.button > 0))
      .clickDistance(4)
      .constrain((t) => {
        const x = Math.min(0, Math.max(this.width - this.width * t.k, t.x));
        return zoomIdentity.translate(x, t.y).scale(t.k);
      })
      .on('zoom', (ev: D3ZoomEvent<HTMLCanvasElement, unknown>) => this.zoomed(ev));
    select(this.canvas).call(this.zoomer).on('dblclick.zoom', null);
    this.canvas.addEventListener('click', (ev) => this.clicked(ev));
    this.canvas.addEventListener('pointermove', (ev) => this.hovered(ev));
    this.canvas.addEventListener('pointerleave', () => this.callbacks.hover(null, 0, 0));
    this.canvas.addEventListener('wheel', (ev) => ev.shiftKey && this.scrollBy(ev.deltaY || ev.deltaX), { passive: true });
    this.axis.addEventListener('pointerdown', (ev) => this.scrub(ev));
    this.resizer = new ResizeObserver(() => this.resize());
    this.resizer.observe(root);
    this.resize();
  }

  setData(data: TimelineData): void {
    this.data = data;
    this.rowOf = new Map(data.rows.map((row, i) => [row.lane.id, i]));
    // Rows may have gone: keep the scroll in range, and tell the host only if it moved
    // (the host syncs its labels by reading their scroll position, a forced layout: at
    // every batch of a run that added up to 6% of the page's time).
    this.scrollBy(0, false);
    this.invalidate();
  }

  setCursor(seq: number, t: number): void {
    this.cursor = { seq, t };
    this.placeCursor(this.scene().cursorX);
  }

  private placeCursor(x: number | null): void {
    this.cursorLine.style.display = x === null ? 'none' : '';
    if (x !== null) this.cursorLine.style.transform = `translateX(${x - 1}px)`;
  }

  setMode(mode: AxisMode): void {
    this.mode = mode;
    this.fit();
  }

  /** Shows the whole run across the width. */
  fit(): void {
    select(this.canvas).call(this.zoomer.transform, zoomIdentity.translate(0, this.transform.y));
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.resizer.disconnect();
    select(this.canvas).on('.zoom', null);
    this.canvas.remove();
    this.cursorLine.remove();
    this.axis.remove();
  }

  /** What is in view, as a standalone SVG document. */
  exportSvg(): string {
    const ctx = this.canvas.getContext('2d')!;
    ctx.font = this.theme.font;
    const ticks = this.axis.querySelector('g.timeline-axis-ticks')?.outerHTML ?? '';
    return timelineSvg(this.scene(), ticks, AXIS_HEIGHT, (text) => ctx.measureText(text).width);
  }

  exportPng(): Promise<Blob> {
    return svgToPng(this.exportSvg(), exportWidth(this.scene()), this.height);
  }

  /** The x scale in view: the whole run fills the width before zooming. */
  scale(): ScaleLinear<number, number> {
    const timeline = this.data?.timeline;
    const end = this.mode === 'time' ? Math.max(timeline?.lastT ?? 0, 1e-3) : Math.max(timeline?.lastSeq ?? 0, 1);
    const base = scaleLinear().domain([0, end]).range([PAD_LEFT, Math.max(PAD_LEFT + 1, this.width - PAD_RIGHT)]);
    return this.transform.rescaleX(base);
  }

  scene(): Scene {
    const rows = this.data?.rows ?? [];
    const x = this.scale();
    const cursorValue = this.mode === 'time' ? this.cursor.t : this.cursor.seq;
    return {
      rows, rowOf: this.rowOf, wakes: this.data?.timeline.wakes ?? [], mode: this.mode, x,
      width: this.width, height: this.height, top: AXIS_HEIGHT - this.scrollY, rowHeight: this.rowHeight,
      cursorX: this.cursor.seq >= 0 ? x(cursorValue) : null, theme: this.theme, wording: this.wording,
    };
  }

  /** Redraws once, on the next frame, however many changes came before it. */
  invalidate(): void {
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.draw());
  }

  draw(): void {
    this.frame = 0;
    const ratio = window.devicePixelRatio || 1;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    this.painter ??= new CanvasPainter(ctx, this.theme.font);
    this.painter.begin(this.theme.font);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    const scene = this.scene();
    drawTimeline(this.painter, { ...scene, cursorX: null });
    this.cursorLine.style.background = this.theme.cursor;
    this.placeCursor(scene.cursorX);
    this.drawAxis(scene);
  }

  private drawAxis(scene: Scene): void {
    const count = Math.max(2, Math.floor(this.width / 90));
    const axis = axisTop(scene.x).ticks(count);
    const seconds = scene.x.tickFormat(count, '~f');
    if (this.mode === 'time') axis.tickFormat((d) => `${seconds(d)} s`);
    // Steps are whole events: no tick between two of them.
    else axis.tickValues(scene.x.ticks(count).filter(Number.isInteger)).tickFormat((d) => String(d));
    const svg = select(this.axis).attr('width', this.width).attr('height', AXIS_HEIGHT);
    svg.selectAll('rect.timeline-axis-band').data([0]).join('rect').attr('class', 'timeline-axis-band')
      .attr('width', this.width).attr('height', AXIS_HEIGHT);
    svg.selectAll<SVGGElement, number>('g.timeline-axis-ticks').data([0]).join('g')
      .attr('class', 'timeline-axis-ticks').attr('transform', `translate(0,${AXIS_HEIGHT - 1})`).call(axis);
  }

  private resize(): void {
    const ratio = window.devicePixelRatio || 1;
    this.width = this.root.clientWidth;
    this.height = this.root.clientHeight;
    this.canvas.width = Math.round(this.width * ratio);
    this.canvas.height = Math.round(this.height * ratio);
    this.zoomer.extent([[0, 0], [this.width, this.height]]).scaleExtent([1, this.maxZoom()]);
    this.scrollBy(0);
    this.draw();
  }

  private maxZoom(): number {
    const timeline = this.data?.timeline;
    // Deep enough to tell single steps, or a tenth of a millisecond, apart.
    return Math.max(10, this.mode === 'time' ? (timeline?.lastT ?? 1) / 1e-4 : (timeline?.lastSeq ?? 1) / 5);
  }

  private zoomed(ev: D3ZoomEvent<HTMLCanvasElement, unknown>): void {
    const source = ev.sourceEvent as Event | null;
    // Dragging pans rows up and down too; zooming with the wheel leaves them where they are.
    if (source && !(source instanceof WheelEvent)) this.scrollBy(this.transform.y - ev.transform.y);
    this.transform = ev.transform;
    this.zoomer.scaleExtent([1, this.maxZoom()]);
    this.invalidate();
  }

  /** Scrolls the rows to `scrollY` (from a scrollbar the host owns). */
  scrollTo(scrollY: number): void {
    this.scrollBy(scrollY - this.scrollY);
  }

  /** `tell`: whether the host hears of a scroll of 0 too (to realign its labels after a resize). */
  private scrollBy(dy: number, tell = true): void {
    const rows = this.data?.rows.length ?? 0;
    const max = Math.max(0, rows * this.rowHeight - (this.height - AXIS_HEIGHT));
    const next = Math.max(0, Math.min(max, this.scrollY + dy));
    if (next === this.scrollY && (dy !== 0 || !tell)) return;
    this.scrollY = next;
    this.callbacks.scroll(next);
    this.invalidate();
  }

  private clicked(ev: MouseEvent): void {
    if (!this.data || this.data.events.length === 0) return;
    this.callbacks.seek(seqAtPixel(this.scene(), this.data.events, ev.offsetX));
  }

  private hovered(ev: PointerEvent): void {
    if (ev.buttons !== 0) return;
    this.callbacks.hover(spanAt(this.scene(), ev.offsetX, ev.offsetY), ev.clientX, ev.clientY);
  }

  /** Dragging along the axis scrubs the cursor through the run. */
  private scrub(down: PointerEvent): void {
    const left = this.axis.getBoundingClientRect().left;
    const seekAt = (ev: PointerEvent) => {
      if (this.data && this.data.events.length > 0) this.callbacks.seek(seqAtPixel(this.scene(), this.data.events, ev.clientX - left));
    };
    this.axis.setPointerCapture(down.pointerId);
    seekAt(down);
    const move = (ev: PointerEvent) => seekAt(ev);
    const up = () => {
      this.axis.removeEventListener('pointermove', move);
      this.axis.removeEventListener('pointerup', up);
    };
    this.axis.addEventListener('pointermove', move);
    this.axis.addEventListener('pointerup', up);
  }
}
