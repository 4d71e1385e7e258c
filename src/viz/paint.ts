/**
 * The few shapes the timeline draws, behind one interface: a canvas painter for the
 * live view (fast at thousands of spans) and an SVG painter for export, so the picture
 * a user saves is drawn by the same code as the one on screen.
 */

/** Plain colour, or a pattern so states differ by more than colour. */
export type Fill =
  | { kind: 'solid'; colour: string; alpha?: number }
  | { kind: 'hatch' | 'cross'; colour: string; background: string };

export interface Painter {
  rect(x: number, y: number, w: number, h: number, fill: Fill): void;
  outline(x: number, y: number, w: number, h: number, colour: string, dashed: boolean): void;
  line(x0: number, y0: number, x1: number, y1: number, colour: string, width: number, dashed?: boolean): void;
  polygon(points: readonly [number, number][], colour: string): void;
  circle(x: number, y: number, r: number, colour: string, filled: boolean): void;
  text(text: string, x: number, y: number, colour: string, maxWidth: number): void;
  textWidth(text: string): number;
}

const PATTERN_SIZE = 6;

/** Draws on a 2D canvas; patterns are made once per colour. */
export class CanvasPainter implements Painter {
  private readonly patterns = new Map<string, CanvasPattern | string>();
  private readonly widths = new Map<string, number>();
  private readonly ctx: CanvasRenderingContext2D;

  private font: string;

  /** Keep one per canvas: its pattern tiles and text widths are reused from frame to frame. */
  constructor(ctx: CanvasRenderingContext2D, font: string) {
    this.ctx = ctx;
    this.font = font;
  }

  /** Call before each frame: resizing a canvas resets its context's font. */
  begin(font: string): void {
    if (font !== this.font) this.widths.clear();
    this.font = font;
    this.ctx.font = font;
    this.ctx.textBaseline = 'middle';
  }

  private pattern(fill: Extract<Fill, { kind: 'hatch' | 'cross' }>): CanvasPattern | string {
    const key = `${fill.kind}|${fill.colour}|${fill.background}`;
    let found = this.patterns.get(key);
    if (found === undefined) {
      const tile = new OffscreenCanvas(PATTERN_SIZE, PATTERN_SIZE);
      const g = tile.getContext('2d')!;
      g.fillStyle = fill.background;
      g.fillRect(0, 0, PATTERN_SIZE, PATTERN_SIZE);
      g.strokeStyle = fill.colour;
      g.lineWidth = 1.5;
      g.beginPath();
      g.moveTo(0, PATTERN_SIZE);
      g.lineTo(PATTERN_SIZE, 0);
      if (fill.kind === 'cross') {
        g.moveTo(0, 0);
        g.lineTo(PATTERN_SIZE, PATTERN_SIZE);
      }
      g.stroke();
      found = this.ctx.createPattern(tile, 'repeat') ?? fill.colour;
      this.patterns.set(key, found);
    }
    return found;
  }

  rect(x: number, y: number, w: number, h: number, fill: Fill): void {
    const { ctx } = this;
    ctx.globalAlpha = fill.kind === 'solid' ? fill.alpha ?? 1 : 1;
    ctx.fillStyle = fill.kind === 'solid' ? fill.colour : this.pattern(fill);
    ctx.fillRect(x, y, w, h);
    ctx.globalAlpha = 1;
  }

  outline(x: number, y: number, w: number, h: number, colour: string, dashed: boolean): void {
    const { ctx } = this;
    ctx.strokeStyle = colour;
    ctx.lineWidth = 1;
    ctx.setLineDash(dashed ? [3, 2] : []);
    ctx.strokeRect(x + 0.5, y + 0.5, Math.max(0, w - 1), Math.max(0, h - 1));
    ctx.setLineDash([]);
  }

  line(x0: number, y0: number, x1: number, y1: number, colour: string, width: number, dashed = false): void {
    const { ctx } = this;
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.setLineDash(dashed ? [2, 3] : []);
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
    ctx.stroke();
    ctx.setLineDash([]);
  }

  polygon(points: readonly [number, number][], colour: string): void {
    const { ctx } = this;
    ctx.fillStyle = colour;
    ctx.beginPath();
    points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.closePath();
    ctx.fill();
  }

  circle(x: number, y: number, r: number, colour: string, filled: boolean): void {
    const { ctx } = this;
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    if (filled) {
      ctx.fillStyle = colour;
      ctx.fill();
    } else {
      ctx.strokeStyle = colour;
      ctx.lineWidth = 1.5;
      ctx.stroke();
    }
  }

  text(text: string, x: number, y: number, colour: string, maxWidth: number): void {
    this.ctx.fillStyle = colour;
    this.ctx.fillText(text, x, y, maxWidth);
  }

  textWidth(text: string): number {
    let width = this.widths.get(text);
    if (width === undefined) {
      width = this.ctx.measureText(text).width;
      this.widths.set(text, width);
    }
    return width;
  }
}
