import { buildReportDocument, measure, type ReportVersion } from '../../domain/reports/build-report.ts';
import { documentMarkdown } from '../../domain/reports/document.ts';
import type { ReportLanguage } from '../../domain/reports/texts.ts';
import { authorize, withTransaction, type Ctx } from '../context.ts';
import { loadReportInput } from './report-sources.ts';
import { reportBodyHtml, reportPageHtml } from './render-html.ts';
import { reportData } from './report-data.ts';

/**
 * The post-crisis report of an incident, built from its timeline, deliveries, legal clocks and the
 * lessons the team wrote, read in one transaction: Markdown, a printable HTML page, the figures as
 * data and the document the PDF is drawn from. The public version is a projection of the same data.
 */
export async function buildIncidentReport({ ctx, incidentId, version, language }: { ctx: Ctx; incidentId: string; version: ReportVersion; language: ReportLanguage }) {
  authorize(ctx, 'report.read');
  const input = await withTransaction(ctx, (tx) => loadReportInput({ ...ctx, tx }, incidentId, version, language));
  const measures = measure(input);
  const document = buildReportDocument(input, measures);
  const body = reportBodyHtml(document);
  return { markdown: documentMarkdown(document), html: reportPageHtml(document, body), body_html: body, data: reportData(input, measures, document.title), document };
}
export type IncidentReport = Awaited<ReturnType<typeof buildIncidentReport>>;
