import PDFDocument from 'pdfkit';
import type { Block, ReportDocument, Scene } from '../../domain/reports/document.ts';
import { tones } from '../../domain/reports/svg.ts';
import { toWinAnsi } from './render-pdf.ts';

const margin = 48;
const cellPadding = 3;

type Doc = InstanceType<typeof PDFDocument>;

/**
 * The post-crisis report as PDF bytes: the same blocks as its Markdown, the figures drawn with
 * vector primitives, tables split across pages with their header repeated. Dated `createdAt`.
 */
export function renderIncidentReportPdf(report: ReportDocument, createdAt: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4', margin, bufferPages: true, lang: report.language, displayTitle: true,
    info: { Title: toWinAnsi(report.title), Creator: 'Tocsin', Producer: 'Tocsin', CreationDate: createdAt, ModDate: createdAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const block of report.blocks) drawBlock(doc, block);
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    // Writing below the bottom margin would open a new page: lift the margin while drawing the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor(tones.muted).text(`${index + 1} / ${count}`, margin, doc.page.height - margin / 2 - 8, { width: contentWidth(doc), align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

const contentWidth = (doc: Doc) => doc.page.width - 2 * margin;
const bottomLimit = (doc: Doc) => doc.page.height - margin;

function ensureRoom(doc: Doc, height: number) {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

function drawBlock(doc: Doc, block: Block) {
  const width = contentWidth(doc);
  doc.x = margin;
  switch (block.type) {
    case 'heading': {
      const size = block.level === 1 ? 18 : block.level === 2 ? 14 : 11;
      doc.moveDown(block.level === 1 ? 0 : 0.8);
      ensureRoom(doc, size * 3);
      doc.font('Helvetica-Bold').fontSize(size).fillColor(tones.text).text(toWinAnsi(block.text), { width });
      doc.moveDown(0.3);
      return;
    }
    case 'paragraph':
      doc.font(block.isNote ? 'Helvetica-Oblique' : 'Helvetica').fontSize(10).fillColor(block.isNote ? tones.late : tones.text).text(toWinAnsi(block.text), { width });
      doc.moveDown(0.5);
      return;
    case 'list':
      doc.font('Helvetica').fontSize(10).fillColor(tones.text);
      for (const item of block.items) doc.text(toWinAnsi(`• ${item}`), margin + 6, doc.y, { width: width - 6 });
      doc.moveDown(0.5);
      return;
    case 'table':
      drawTable(doc, block.head, block.rows, block.numeric ?? []);
      return;
    case 'figure':
      drawScene(doc, block.scene);
      return;
  }
}

function drawTable(doc: Doc, head: string[], rows: string[][], numeric: boolean[]) {
  const width = contentWidth(doc);
  doc.fontSize(8);
  // Columns share the width by their longest text, each at least 8 % of it.
  const longest = head.map((title, i) => Math.max(title.length, ...rows.map((row) => Math.min(row[i]?.length ?? 0, 60))));
  const total = longest.reduce((sum, n) => sum + Math.max(n, 1), 0);
  const raw = longest.map((n) => Math.max(width * 0.08, (Math.max(n, 1) / total) * width));
  const scale = width / raw.reduce((sum, n) => sum + n, 0);
  const widths = raw.map((w) => w * scale);
  const drawRow = (cells: string[], isHeader: boolean) => {
    doc.font(isHeader ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    const texts = cells.map((cell) => toWinAnsi(cell));
    const height = Math.max(...texts.map((text, i) => doc.heightOfString(text, { width: widths[i]! - 2 * cellPadding }))) + 2 * cellPadding;
    if (doc.y + height > bottomLimit(doc)) {
      doc.addPage();
      if (!isHeader) drawRow(head, true);
    }
    const top = doc.y;
    let x = margin;
    texts.forEach((text, i) => {
      const w = widths[i]!;
      if (isHeader) doc.rect(x, top, w, height).fill('#f0f0f0');
      doc.rect(x, top, w, height).lineWidth(0.5).stroke(tones.grid);
      doc.fillColor(tones.text).text(text, x + cellPadding, top + cellPadding, { width: w - 2 * cellPadding, align: numeric[i] ? 'right' : 'left' });
      x += w;
    });
    doc.x = margin;
    doc.y = top + height;
  };
  drawRow(head, true);
  for (const row of rows) drawRow(row, false);
  doc.moveDown(0.6);
}

function drawScene(doc: Doc, scene: Scene) {
  const width = contentWidth(doc);
  const scale = width / scene.width;
  const height = scene.height * scale;
  ensureRoom(doc, height + 24);
  const left = margin;
  const top = doc.y;
  const x = (value: number) => left + value * scale;
  const y = (value: number) => top + value * scale;
  doc.save();
  for (const shape of scene.shapes) {
    switch (shape.kind) {
      case 'rect':
        doc.rect(x(shape.x), y(shape.y), Math.max(shape.width, 0) * scale, shape.height * scale).fill(tones[shape.fill]);
        break;
      case 'line':
        doc.moveTo(x(shape.x1), y(shape.y1)).lineTo(x(shape.x2), y(shape.y2)).lineWidth(1);
        if (shape.isDashed) doc.dash(3, { space: 2 });
        doc.stroke(tones[shape.stroke]);
        doc.undash();
        break;
      case 'polyline': {
        const [first, ...rest] = shape.points;
        if (!first) break;
        doc.moveTo(x(first[0]), y(first[1]));
        for (const [px, py] of rest) doc.lineTo(x(px), y(py));
        doc.lineWidth(1.5).stroke(tones[shape.stroke]);
        break;
      }
      case 'circle':
        doc.circle(x(shape.cx), y(shape.cy), shape.r * scale).fill(tones[shape.fill]);
        break;
      case 'text': {
        const size = shape.size * scale;
        const text = toWinAnsi(shape.text);
        doc.font('Helvetica').fontSize(size).fillColor(tones[shape.tone]);
        const textWidth = doc.widthOfString(text);
        const shift = shape.anchor === 'middle' ? textWidth / 2 : shape.anchor === 'end' ? textWidth : 0;
        doc.text(text, x(shape.x) - shift, y(shape.y) - size * 0.8, { lineBreak: false });
        break;
      }
    }
  }
  doc.restore();
  doc.x = margin;
  doc.y = top + height + 4;
  doc.font('Helvetica-Oblique').fontSize(8).fillColor(tones.muted).text(toWinAnsi(scene.title), { width });
  doc.moveDown(0.6);
}
