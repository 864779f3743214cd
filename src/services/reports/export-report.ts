import { renderIncidentReportPdf } from '../../adapters/pdf/render-incident-report.ts';
import type { ReportVersion } from '../../domain/reports/build-report.ts';
import type { ReportLanguage } from '../../domain/reports/texts.ts';
import type { Ctx } from '../context.ts';
import { buildIncidentReport } from './incident-report.ts';

export const reportFormats = ['md', 'html', 'pdf', 'json'] as const;
export type ReportFormat = (typeof reportFormats)[number];
export const reportVersions = ['internal', 'public'] as const;

/** The report as a file: Markdown, a printable HTML page, a PDF, or its figures as JSON. */
export async function exportIncidentReport({ ctx, incidentId, version, language, format }: { ctx: Ctx; incidentId: string; version: ReportVersion; language: ReportLanguage; format: ReportFormat }) {
  const report = await buildIncidentReport({ ctx, incidentId, version, language });
  const fileName = `incident-${incidentId}-report-${version}-${language}.${format}`;
  switch (format) {
    case 'md':
      return { body: Buffer.from(report.markdown, 'utf8'), contentType: 'text/markdown; charset=utf-8', fileName };
    case 'html':
      return { body: Buffer.from(report.html, 'utf8'), contentType: 'text/html; charset=utf-8', fileName };
    case 'pdf':
      return { body: await renderIncidentReportPdf(report.document, ctx.now()), contentType: 'application/pdf', fileName };
    case 'json':
      return { body: Buffer.from(JSON.stringify({ ...report.data, markdown: report.markdown, html: report.body_html }), 'utf8'), contentType: 'application/json; charset=utf-8', fileName };
  }
}
