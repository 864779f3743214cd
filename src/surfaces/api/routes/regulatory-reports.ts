import { z } from 'zod';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { deadlineIds } from '../../../domain/clocks/regulatory.ts';
import { exportFormats, exportReportForm, getReportForm, listReportForms, SaveReportFormInput, saveReportForm } from '../../../services/regulatory/report-forms.ts';
import { Language } from '../../../services/schemas.ts';
import { adminRoute, ctxOf } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { expectedVersion, IdParam, jsonBody, ok, problemResponses, versioned } from '../http.ts';

const tags = ['Regulatory reports'];
const regime = z.enum(['gdpr', 'nis2', 'dora', 'eprivacy', 'fr']);
const status = z.enum(['waiting', 'running', 'met', 'late', 'overdue']);
const bilingual = z.object({ en: z.string(), fr: z.string() });
const ReportParam = IdParam.extend({ report: z.string().max(60).describe('A deadline id: gdpr.authority, nis2.early_warning, dora.initial…') });
const LanguageQuery = z.object({ lang: Language.optional().describe('The language answers are prefilled in (Default: the workspace\'s language)') });
const ExportQuery = LanguageQuery.extend({ format: z.enum(exportFormats).default('md') });

const ReportSummary = z.object({
  report: z.enum(deadlineIds), regime, name: bilingual, recipient: bilingual, status, due_at: z.string().nullable(), undue_delay: z.boolean(),
  complete: z.boolean(), missing: z.array(z.string()).describe('Mandatory items still without an answer'), version: z.number(),
});
const ReportList = z.object({ incident_id: z.string(), time_zone: z.string(), reports: z.array(ReportSummary) });
const ReportForm = z.object({
  incident_id: z.string(),
  report: z.enum(deadlineIds),
  regime,
  name: bilingual,
  recipient: bilingual,
  rule: z.string().describe('The source rule, quoted'),
  tag: z.enum(['P', 'S', 'U']),
  status,
  due_at: z.string().nullable(),
  undue_delay: z.boolean(),
  requires_late_reason: z.boolean(),
  time_zone: z.string(),
  language: Language,
  content: z.array(z.object({ key: z.string(), label: bilingual, mandatory: z.boolean() })),
  answers: z.record(z.string(), z.object({ text: z.string(), source: z.enum(['saved', 'prefilled']).describe('prefilled: from the fact sheet, not yet written over') })),
  completeness: z.object({ complete: z.boolean(), missing: z.array(z.string()), optional_missing: z.array(z.string()) }),
  updated_at: z.string().nullable(),
  updated_by: z.string().nullable(),
  version: z.number().describe('0 until the first save'),
});
const notFound = { 404: { description: 'No such incident, no such report, or a report that does not apply to this incident (the detail says why)' } };

export function registerRegulatoryReportRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    adminRoute('regulatory.read', {
      method: 'get', path: '/api/admin/incidents/{id}/regulatory/reports', tags,
      summary: 'The reports the incident owes under the workspace\'s regimes, each with its deadline and whether its form is complete',
      request: { params: IdParam, query: LanguageQuery },
      responses: { 200: ok(ReportList, 'The reports'), ...problemResponses, ...notFound },
    }),
    async (c) => c.json(await listReportForms({ ctx: ctxOf(c), incidentId: c.req.valid('param').id, language: c.req.valid('query').lang }), 200),
  );
  app.openapi(
    adminRoute('regulatory.read', {
      method: 'get', path: '/api/admin/incidents/{id}/regulatory/reports/{report}', tags,
      summary: 'A report\'s form: the required content, the answers (saved, else prefilled from the fact sheet) and the mandatory items still missing',
      request: { params: ReportParam, query: LanguageQuery },
      responses: { 200: ok(ReportForm, 'The form (ETag: its version)'), ...problemResponses, ...notFound },
    }),
    async (c) => {
      const { id, report } = c.req.valid('param');
      return versioned(c, await getReportForm({ ctx: ctxOf(c), incidentId: id, report, language: c.req.valid('query').lang }));
    },
  );
  app.openapi(
    adminRoute('regulatory.manage', {
      method: 'patch', path: '/api/admin/incidents/{id}/regulatory/reports/{report}', tags,
      summary: 'Save answers; the others stay. null removes a saved answer (the prefill shows again), "" keeps an item empty',
      request: { params: ReportParam, query: LanguageQuery, ...jsonBody(SaveReportFormInput) },
      responses: { 200: ok(ReportForm, 'The form'), ...problemResponses, ...notFound, 412: { description: 'If-Match is stale' } },
    }),
    async (c) => {
      const { id, report } = c.req.valid('param');
      const input = { ctx: ctxOf(c), incidentId: id, report, input: c.req.valid('json'), expectedVersion: expectedVersion(c), language: c.req.valid('query').lang };
      return versioned(c, await saveReportForm(input));
    },
  );
  app.openapi(
    adminRoute('regulatory.read', {
      method: 'get', path: '/api/admin/incidents/{id}/regulatory/reports/{report}/export', tags,
      summary: 'The report as a file to put on the authority\'s portal: Markdown, a printable HTML page or a PDF, in French or English',
      request: { params: ReportParam, query: ExportQuery },
      responses: {
        200: {
          description: 'The file, as an attachment',
          content: { 'text/markdown': { schema: z.string() }, 'text/html': { schema: z.string() }, 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
        },
        ...problemResponses,
        ...notFound,
      },
    }),
    async (c) => {
      const { id, report } = c.req.valid('param');
      const { format, lang } = c.req.valid('query');
      const file = await exportReportForm({ ctx: ctxOf(c), incidentId: id, report, format, language: lang });
      return c.body(new Uint8Array(file.body), 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'cache-control': 'no-store',
      });
    },
  );
}
