import type { Scene, Shape, Tone } from './document.ts';

/** Print colours (the report is a document: it keeps them in dark mode), contrast ≥ 4.5:1 on white. */
export const tones: Record<Tone, string> = {
  text: '#111111', muted: '#555555', grid: '#c8c8c8', ok: '#1a7f37', late: '#b00020', quiet: '#d9e2ec',
  series0: '#1f5fbf', series1: '#b35900', series2: '#6b3fa0', series3: '#0b7a75', series4: '#8a6d00', series5: '#a0306e',
};

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
const n = (value: number) => String(Math.round(value * 10) / 10);

function shapeSvg(shape: Shape): string {
  switch (shape.kind) {
    case 'rect':
      return `<rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(Math.max(shape.width, 0))}" height="${n(shape.height)}" fill="${tones[shape.fill]}"/>`;
    case 'line':
      return `<line x1="${n(shape.x1)}" y1="${n(shape.y1)}" x2="${n(shape.x2)}" y2="${n(shape.y2)}" stroke="${tones[shape.stroke]}" stroke-width="1.5"${shape.isDashed ? ' stroke-dasharray="4 3"' : ''}/>`;
    case 'polyline':
      return `<polyline points="${shape.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="none" stroke="${tones[shape.stroke]}" stroke-width="2"/>`;
    case 'circle':
      return `<circle cx="${n(shape.cx)}" cy="${n(shape.cy)}" r="${n(shape.r)}" fill="${tones[shape.fill]}"/>`;
    case 'text':
      return `<text x="${n(shape.x)}" y="${n(shape.y)}" text-anchor="${shape.anchor}" font-size="${shape.size}" fill="${tones[shape.tone]}">${escapeXml(shape.text)}</text>`;
  }
}

/** A scene as an inline SVG image named by its title and described in words for screen readers. */
export function sceneSvg(scene: Scene, id: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${scene.width} ${scene.height}" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="Helvetica, Arial, sans-serif">`,
    `<title id="${id}-title">${escapeXml(scene.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(scene.description)}</desc>`,
    `<rect x="0" y="0" width="${scene.width}" height="${scene.height}" fill="#ffffff"/>`,
    ...scene.shapes.map(shapeSvg),
    '</svg>',
  ].join('\n');
}
