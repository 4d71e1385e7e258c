/** The timeline as the user sees it (lanes in view, current zoom), as an SVG document or a PNG. */
import { LOOP_LANE } from '../model/timeline';
import { SvgPainter } from './svgPainter';
import { drawTimeline, laneColour, type Scene } from './timelineDraw';

const LABEL_WIDTH = 200;

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A standalone SVG: lane labels, the plot and `axisMarkup` (the on-screen axis's
 * markup, which d3 draws with attributes, so it needs no stylesheet).
 */
export function timelineSvg(scene: Scene, axisMarkup: string, axisHeight: number, measure: (text: string) => number): string {
  const { theme, rowHeight } = scene;
  const plot = new SvgPainter(theme.font, measure);
  drawTimeline(plot, scene);
  const labels: string[] = [];
  scene.rows.forEach(({ lane, depth }, row) => {
    const y = scene.top + row * rowHeight + rowHeight / 2;
    if (y < axisHeight || y > scene.height) return;
    const name = lane.id === LOOP_LANE ? 'event loop' : `${lane.id} ${lane.coro}`;
    labels.push(`<text x="${6 + depth * 12}" y="${y}" fill="${laneColour(lane, theme)}" dominant-baseline="middle">${escapeXml(name)}</text>`);
  });
  const width = LABEL_WIDTH + scene.width;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${scene.height}" viewBox="0 0 ${width} ${scene.height}">`,
    plot.defs(),
    `<rect width="${width}" height="${scene.height}" fill="${theme.paper}"/>`,
    `<svg x="${LABEL_WIDTH}" width="${scene.width}" height="${scene.height}">${plot.parts.join('')}`,
    `<rect width="${scene.width}" height="${axisHeight}" fill="${theme.paper}"/>${axisMarkup}</svg>`,
    `<g style="font:${escapeXml(theme.font)}">${labels.join('')}</g>`,
    '</svg>',
  ].join('\n');
}

/** Renders an SVG document to a PNG at `scale` × its size. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0);
    return await new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG export failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export const exportWidth = (scene: Scene) => LABEL_WIDTH + scene.width;
