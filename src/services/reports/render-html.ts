import MarkdownIt from 'markdown-it';
import { blockMarkdown, type Block, type ReportDocument } from '../../domain/reports/document.ts';
import { sceneSvg } from '../../domain/reports/svg.ts';
import { reportStyle } from '../../domain/reports/style.ts';

// Raw HTML off: every text in the report (update bodies, lessons) is shown, never run.
const markdown = new MarkdownIt({ html: false, linkify: false, breaks: false });

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);



/** The report's body as HTML: its Markdown rendered, with each figure drawn as an accessible SVG where it stands. */
export function reportBodyHtml(doc: ReportDocument): string {
  const parts: string[] = [];
  let pending: Block[] = [];
  let figures = 0;
  const flush = () => {
    if (pending.length) parts.push(markdown.render(pending.map(blockMarkdown).join('\n\n')));
    pending = [];
  };
  for (const block of doc.blocks) {
    if (block.type !== 'figure') {
      pending.push(block);
      continue;
    }
    flush();
    const id = `report-figure-${++figures}`;
    parts.push(`<figure>\n${sceneSvg(block.scene, id)}\n<figcaption>${escapeHtml(block.scene.title)}</figcaption>\n</figure>\n`);
  }
  flush();
  return `<article class="tocsin-report" lang="${doc.language}">\n${parts.join('')}</article>`;
}

/** A standalone, printable HTML page. */
export function reportPageHtml(doc: ReportDocument, body = reportBodyHtml(doc)): string {
  return `<!doctype html>\n<html lang="${doc.language}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(doc.title)}</title>\n<style>${reportStyle}</style>\n</head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`;
}
