import { z } from 'zod';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { exportIncidentReport, reportFormats, reportVersions } from '../../../services/reports/export-report.ts';
import { getReportLessons, ReportLessonsInput } from '../../../services/reports/lessons.ts';
import { saveReportLessons } from '../../../services/reports/save-lessons.ts';
import { workspaceFigures, WorkspaceFiguresInput } from '../../../services/reports/workspace-figures.ts';
import { Language } from '../../../services/schemas.ts';
import { adminRoute, ctxOf } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { expectedVersion, IdParam, jsonBody, ok, problemResponses, versioned } from '../http.ts';

const tags = ['Reports'];
const ReportQuery = z.object({
  version: z.enum(reportVersions).default('internal').describe('internal: everything the team needs; public: only what may be shared outside (Default: internal)'),
  language: Language.default('fr').describe('(Default: fr)'),
  format: z.enum(reportFormats).default('json').describe('md, html (a printable page), pdf, or json (the figures with the Markdown and the HTML body) (Default: json)'),
});
const Lesson = z.object({ text: z.string(), public: z.boolean() });
const Action = z.object({ text: z.string(), owner: z.string().nullable(), due_on: z.string().nullable(), done: z.boolean(), public: z.boolean() });
const Lessons = z.object({
  incident_id: z.string(), lessons: z.array(Lesson), actions: z.array(Action), updated_at: z.string().nullable(), updated_by: z.string().nullable(),
  version: z.number().describe('ETag; 0 until the first save'),
});
const MonthFigures = z.object({
  month: z.string(),
  incidents: z.number(),
  first_message: z.object({ count: z.number(), median_minutes: z.number().nullable(), p90_minutes: z.number().nullable() }),
  punctuality: z.object({ on_time: z.number(), late: z.number(), percent: z.number().nullable() }),
  delivery: z.object({ sent: z.number(), failed: z.number(), dead: z.number(), success_percent: z.number().nullable() }),
});
const Figures = z.object({ from: z.string(), to: z.string(), time_zone: z.string(), months: z.array(MonthFigures) });
const notFound = { 404: { description: 'No such incident' } };

export function registerReportRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    adminRoute('report.read', {
      method: 'get', path: '/api/admin/incidents/{id}/report', tags,
      summary: 'The post-crisis report, internal or public, in French or English: chronology, first message, punctuality, findings, deliveries, legal deadlines, compensation, lessons',
      request: { params: IdParam, query: ReportQuery },
      responses: {
        200: {
          description: 'The report (md, html and pdf as an attachment)',
          content: {
            'application/json': { schema: z.object({ incident_id: z.string(), version: z.string(), title: z.string(), markdown: z.string(), html: z.string() }).passthrough() },
            'text/markdown': { schema: z.string() }, 'text/html': { schema: z.string() }, 'application/pdf': { schema: z.string().meta({ format: 'binary' }) },
          },
        },
        ...problemResponses, ...notFound,
      },
    }),
    async (c) => {
      const { version, language, format } = c.req.valid('query');
      const file = await exportIncidentReport({ ctx: ctxOf(c), incidentId: c.req.valid('param').id, version, language, format });
      return c.body(new Uint8Array(file.body), 200, {
        'content-type': file.contentType,
        ...(format === 'json' ? {} : { 'content-disposition': `attachment; filename="${file.fileName}"` }),
        'cache-control': 'no-store',
      });
    },
  );
  app.openapi(
    adminRoute('report.read', {
      method: 'get', path: '/api/admin/incidents/{id}/report/lessons', tags, summary: 'The lessons and actions written for the report',
      request: { params: IdParam },
      responses: { 200: ok(Lessons, 'The lessons (ETag: their version)'), ...problemResponses, ...notFound },
    }),
    async (c) => versioned(c, await getReportLessons({ ctx: ctxOf(c), incidentId: c.req.valid('param').id })),
  );
  app.openapi(
    adminRoute('facts.edit', {
      method: 'put', path: '/api/admin/incidents/{id}/report/lessons', tags,
      summary: 'Replace the lessons and actions (needs report.read too; If-Match: their version). A public one also goes into the public report',
      request: { params: IdParam, ...jsonBody(ReportLessonsInput) },
      responses: { 200: ok(Lessons, 'The lessons'), ...problemResponses, ...notFound, 412: { description: 'If-Match is stale' } },
    }),
    async (c) => versioned(c, await saveReportLessons({ ctx: ctxOf(c), incidentId: c.req.valid('param').id, input: c.req.valid('json'), expectedVersion: expectedVersion(c) })),
  );
  app.openapi(
    adminRoute('report.read', {
      method: 'get', path: '/api/admin/reports/figures', tags,
      summary: 'Figures across incidents per month of detection: time to first public message (median, p90), punctuality, delivery success',
      request: { query: WorkspaceFiguresInput.extend({}).describe('from, to: months (yyyy-mm), inclusive; default the last twelve') },
      responses: { 200: ok(Figures, 'One row per month, months without incidents included'), ...problemResponses },
    }),
    async (c) => c.json(await workspaceFigures({ ctx: ctxOf(c), input: c.req.valid('query') }), 200),
  );
}
