/**
 * A report as blocks, before any format: Markdown is written from them, HTML renders that Markdown
 * with the figures drawn in between, and the PDF draws the same blocks and figures.
 */

/** Colours by role, so each format picks its own palette. */
export type Tone = 'text' | 'muted' | 'grid' | 'ok' | 'late' | 'quiet' | `series${0 | 1 | 2 | 3 | 4 | 5}`;

export type Shape =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: Tone }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: Tone; isDashed?: boolean }
  | { kind: 'polyline'; points: Array<[number, number]>; stroke: Tone }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: Tone }
  | { kind: 'text'; x: number; y: number; text: string; anchor: 'start' | 'middle' | 'end'; tone: Tone; size: number };

/** A plot in its own coordinates (origin top left); `description` says in words what it shows. */
export interface Scene {
  width: number;
  height: number;
  title: string;
  description: string;
  shapes: Shape[];
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string; isNote?: boolean }
  | { type: 'list'; items: string[] }
  | { type: 'table'; head: string[]; rows: string[][]; numeric?: boolean[] }
  /** Drawn in HTML and PDF; Markdown has the table that follows it, which says the same. */
  | { type: 'figure'; scene: Scene };

export interface ReportDocument {
  title: string;
  language: 'fr' | 'en';
  blocks: Block[];
}

/** Text as Markdown shows it literally: no emphasis, link, heading or table cell break sneaks in. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r?\n+/g, ' ').replace(/([\\`*_[\]<>#|~])/g, '\\$1').replace(/^(\d+)\. /, '$1\\. ').replace(/^([-+]) /, '\\$1 ');
}

export function blockMarkdown(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`;
    case 'paragraph':
      return block.isNote ? `> ${escapeMarkdown(block.text)}` : escapeMarkdown(block.text);
    case 'list':
      return block.items.map((item) => `- ${escapeMarkdown(item)}`).join('\n');
    case 'table': {
      const cell = (text: string) => escapeMarkdown(text) || ' ';
      const rule = block.head.map((_, i) => (block.numeric?.[i] ? '---:' : '---'));
      return [block.head.map(cell), rule, ...block.rows.map((row) => row.map(cell))].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
    }
    case 'figure':
      return '';
  }
}

export function documentMarkdown(doc: ReportDocument): string {
  return `${doc.blocks.map(blockMarkdown).filter((text) => text !== '').join('\n\n')}\n`;
}
