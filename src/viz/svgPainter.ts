/** The Painter that writes SVG markup: the timeline's export draws with the same code as the screen. */
import type { Fill, Painter } from './paint';

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const n = (x: number) => String(Math.round(x * 10) / 10);

export class SvgPainter implements Painter {
  readonly parts: string[] = [];
  private readonly patterns = new Map<string, string>();
  private readonly font: string;
  private readonly measure: (text: string) => number;

  /** `measure` gives a text's width in the export font (a canvas context can tell). */
  constructor(font: string, measure: (text: string) => number) {
    this.font = font;
    this.measure = measure;
  }

  /** The <defs> for every pattern used so far. */
  defs(): string {
    return `<defs>${[...this.patterns.values()].join('')}</defs>`;
  }

  private fillOf(fill: Fill): string {
    if (fill.kind === 'solid') return `fill="${fill.colour}"${fill.alpha === undefined ? '' : ` fill-opacity="${fill.alpha}"`}`;
    const key = `${fill.kind}|${fill.colour}|${fill.background}`;
    let id = `p${[...this.patterns.keys()].indexOf(key)}`;
    if (!this.patterns.has(key)) {
      id = `p${this.patterns.size}`;
      const cross = fill.kind === 'cross' ? '<path d="M0 0L6 6"/>' : '';
      this.patterns.set(key, `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse">`
        + `<rect width="6" height="6" fill="${fill.background}"/><g stroke="${fill.colour}" stroke-width="1.5">`
        + `<path d="M0 6L6 0"/>${cross}</g></pattern>`);
    }
    return `fill="url(#${id})"`;
  }

  rect(x: number, y: number, w: number, h: number, fill: Fill): void {
    this.parts.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" ${this.fillOf(fill)}/>`);
  }

  outline(x: number, y: number, w: number, h: number, colour: string, dashed: boolean): void {
    this.parts.push(`<rect x="${n(x + 0.5)}" y="${n(y + 0.5)}" width="${n(Math.max(0, w - 1))}" height="${n(Math.max(0, h - 1))}" fill="none" stroke="${colour}"${dashed ? ' stroke-dasharray="3 2"' : ''}/>`);
  }

  line(x0: number, y0: number, x1: number, y1: number, colour: string, width: number, dashed = false): void {
    this.parts.push(`<line x1="${n(x0)}" y1="${n(y0)}" x2="${n(x1)}" y2="${n(y1)}" stroke="${colour}" stroke-width="${width}"${dashed ? ' stroke-dasharray="2 3"' : ''}/>`);
  }

  polygon(points: readonly [number, number][], colour: string): void {
    this.parts.push(`<polygon points="${points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="${colour}"/>`);
  }

  circle(x: number, y: number, r: number, colour: string, filled: boolean): void {
    const paint = filled ? `fill="${colour}"` : `fill="none" stroke="${colour}" stroke-width="1.5"`;
    this.parts.push(`<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" ${paint}/>`);
  }

  text(text: string, x: number, y: number, colour: string): void {
    this.parts.push(`<text x="${n(x)}" y="${n(y)}" fill="${colour}" style="font:${escapeXml(this.font)}" dominant-baseline="middle">${escapeXml(text)}</text>`);
  }

  textWidth(text: string): number {
    return this.measure(text);
  }
}
