import PDFDocument from 'pdfkit';
import type { ReportDocument } from '../../domain/clocks/report-form.ts';

// The built-in Helvetica encodes WinAnsi only: Latin-1 plus these (œ, €, ’, “ ”, –, —, •, …).
const winAnsiExtras = new Set('ŒœŠšŸŽžƒˆ˜–—‘’‚“”„†‡•…‰‹›€™');
const spaces = /[\u2000-\u200a\u202f\u205f]/g;

/** Text the standard fonts can draw: other spaces become no-break spaces, other characters "?". */
export function toWinAnsi(text: string): string {
  return [...text.replace(spaces, '\u00a0')]
    .map((char) => {
      const code = char.codePointAt(0)!;
      return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || char === '\n' || winAnsiExtras.has(char) ? char : '?';
    })
    .join('');
}

const margin = 56;
const colors = { text: '#111111', muted: '#555555', missing: '#b00020' };

/**
 * The report as PDF bytes: title, metadata lines, one heading per item with its answer (a missing
 * mandatory one in red), the disclaimer, and "page n of m" on every page. Dated `createdAt`, the
 * same document gives the same bytes.
 */
export function renderReportPdf(report: ReportDocument, createdAt: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    bufferPages: true,
    lang: report.language,
    displayTitle: true,
    info: { Title: toWinAnsi(report.title), Creator: 'Tocsin', Producer: 'Tocsin', CreationDate: createdAt, ModDate: createdAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * margin;

  doc.font('Helvetica-Bold').fontSize(18).fillColor(colors.text).text(toWinAnsi(report.title), { width });
  doc.moveDown(0.6);
  const colon = report.language === 'fr' ? '\u00a0: ' : ': ';
  for (const { label, value } of report.meta) {
    doc.font('Helvetica-Bold').fontSize(10).text(toWinAnsi(label + colon), { continued: true }).font('Helvetica').text(toWinAnsi(value), { width });
  }
  for (const item of report.items) {
    doc.moveDown(0.9);
    doc.font('Helvetica-Bold').fontSize(12).fillColor(colors.text).text(toWinAnsi(item.label), { width });
    doc.moveDown(0.2);
    const color = item.isMissing ? (item.isOptional ? colors.muted : colors.missing) : colors.text;
    doc.font(item.isMissing ? 'Helvetica-Oblique' : 'Helvetica').fontSize(10).fillColor(color).text(toWinAnsi(item.text.replace(/^- /gm, '• ')), { width });
  }
  doc.moveDown(1.5);
  doc.font('Helvetica-Oblique').fontSize(8).fillColor(colors.muted).text(toWinAnsi(report.disclaimer), { width });

  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    // Writing below the bottom margin would open a new page: lift the margin while drawing the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor(colors.muted).text(toWinAnsi(report.pageLabel(index + 1, count)), margin, doc.page.height - margin / 2 - 8, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
