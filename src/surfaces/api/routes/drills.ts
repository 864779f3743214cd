import { z } from 'zod';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { injectKinds } from '../../../domain/drills/scenario.ts';
import { CreateDrillInput, createDrill } from '../../../services/drills/create-drill.ts';
import { currentDrill } from '../../../services/drills/current-drill.ts';
import { drillReport, reportFormats } from '../../../services/drills/drill-report.ts';
import { finishDrill } from '../../../services/drills/finish-drill.ts';
import { getDrill } from '../../../services/drills/get-drill.ts';
import { joinDrill, leaveDrill, type Entry } from '../../../services/drills/join-drill.ts';
import { listDrills } from '../../../services/drills/list-drills.ts';
import { listScenarios } from '../../../services/drills/list-scenarios.ts';
import { startDrill } from '../../../services/drills/start-drill.ts';
import { adminRoute, ctxOf, sessionCookie } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { IdParam, idempotent, jsonBody, ok, problemResponses } from '../http.ts';

const tags = ['Drills'];
const Text = z.object({ fr: z.string(), en: z.string() });
const Inject = z.object({ key: z.string(), kind: z.enum(injectKinds), at_minute: z.number().describe('Drill minutes after the start'), from: Text, text: Text, expects: Text.nullable() });
const Scenario = z.object({
  key: z.string(), title: Text, briefing: Text, source: z.string(), impact: z.string(),
  components: z.array(z.object({ role: z.string(), name: Text })).describe('Played by the sandbox\'s components in their order; missing ones are created'),
  first_message_minutes: z.number(), duration_minutes: z.number(), personal_data_breach: z.boolean(), injects: z.array(Inject),
});
const Criterion = z.object({ id: z.string(), points: z.number(), max: z.number(), figure: Text, advice: Text.nullable() });
const Drill = z.object({
  id: z.string(),
  scenario: z.object({ key: z.string(), title: Text, first_message_minutes: z.number(), duration_minutes: z.number() }),
  speed: z.number().describe('Drill minutes per real minute'),
  state: z.enum(['prepared', 'running', 'finished']),
  sandbox: z.object({ workspace_id: z.string(), slug: z.string() }),
  started_at: z.string().nullable(), finished_at: z.string().nullable(), drill_started_at: z.string().nullable(),
  drill_time: z.string().nullable().describe('Now on the drill\'s clock; frozen once finished'),
  drill_minutes: z.number(),
  injects: z.array(Inject.extend({ drill_at: z.string() })).describe('Delivered so far'),
  injects_total: z.number(),
  sink_count: z.number().describe('Messages the sandbox would have sent, caught by the drill sink'),
  score: z.object({ total: z.number(), max: z.number(), criteria: z.array(Criterion) }).passthrough().nullable(),
  created_by: z.string(), created_at: z.string(), version: z.number(),
});
const Joined = z.object({
  workspace: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  csrf_token: z.string().nullable().describe('A person: the session cookie is set; send this as X-CSRF-Token'),
  token: z.string().nullable().describe('An API client: a sandbox token of the same role, valid 12 hours'),
});
const ReportQuery = z.object({ format: z.enum(reportFormats).default('md'), lang: z.enum(['fr', 'en']).optional() });
const notFound = { 404: { description: 'No such drill in this workspace' } };
const conflict = { 409: { description: 'Not in the right state (already started, not started, finished)' } };

function enter(c: Context<AppEnv>, entry: Entry) {
  if (entry.session) setCookie(c, sessionCookie, entry.session.cookie, { httpOnly: true, sameSite: 'Lax', path: '/', secure: c.var.deps.secureCookies, maxAge: entry.session.maxAgeSeconds });
  return c.json({ workspace: entry.workspace, csrf_token: entry.session?.csrfToken ?? null, token: entry.token ?? null }, 200);
}

/** The drills routes: the scenario library, drills run in a sandbox on an accelerated clock, their reports. */
export function registerDrillRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    adminRoute('workspace.read', {
      method: 'get', path: '/api/admin/drill-scenarios', tags, summary: 'The scenario library, written from real cases: briefing, components, injects and what each expects',
      responses: { 200: ok(z.object({ scenarios: z.array(Scenario) }), 'The scenarios'), ...problemResponses },
    }),
    async (c) => c.json(listScenarios({ ctx: ctxOf(c) }), 200),
  );
  app.openapi(
    adminRoute('workspace.read', {
      method: 'get', path: '/api/admin/drills', tags, summary: 'The workspace\'s drills, newest first, with their scores',
      responses: { 200: ok(z.object({ drills: z.array(Drill) }), 'The drills'), ...problemResponses },
    }),
    async (c) => c.json(await listDrills({ ctx: ctxOf(c) }), 200),
  );
  app.openapi(
    adminRoute('drill.run', {
      method: 'post', path: '/api/admin/drills', tags, summary: 'Prepare a drill: a sandbox copy of the workspace (components, settings, templates, pages, people, subscribers)',
      request: jsonBody(CreateDrillInput),
      responses: { 201: ok(Drill, 'The drill, prepared'), ...problemResponses },
    }),
    async (c) => idempotent(c, ctxOf(c), (ctx) => createDrill({ ctx, input: c.req.valid('json') })),
  );
  app.openapi(
    adminRoute('workspace.read', {
      method: 'post', path: '/api/admin/drills/leave', tags, summary: 'From a drill\'s sandbox back to the real workspace (a person\'s session)',
      responses: { 200: ok(Joined, 'Back in the real workspace; the session cookie is set'), ...problemResponses, 409: { description: 'This session is not in a sandbox' } },
    }),
    async (c) => enter(c, await leaveDrill({ ctx: ctxOf(c), realNow: c.var.deps.now() })),
  );
  app.openapi(
    adminRoute('workspace.read', {
      method: 'get', path: '/api/admin/drill-session', tags, summary: 'In a sandbox: the drill played, its clock and the injects received so far (newest first); null elsewhere',
      responses: { 200: ok(z.object({ drill: z.unknown().nullable() }), 'The drill or null'), ...problemResponses },
    }),
    async (c) => c.json({ drill: await currentDrill(c.var.deps.db, c.var.auth.workspaceId, c.var.deps.now()) }, 200),
  );
  app.openapi(
    adminRoute('workspace.read', {
      method: 'get', path: '/api/admin/drills/{id}', tags, summary: 'A drill: state, drill clock, injects delivered, messages caught by the sink, score',
      request: { params: IdParam },
      responses: { 200: ok(Drill, 'The drill'), ...problemResponses, ...notFound },
    }),
    async (c) => c.json(await getDrill({ ctx: ctxOf(c), id: c.req.valid('param').id }), 200),
  );
  app.openapi(
    adminRoute('drill.run', {
      method: 'post', path: '/api/admin/drills/{id}/start', tags, summary: 'Start the drill\'s clock at its speed; the scenario declares its incident in the sandbox',
      request: { params: IdParam },
      responses: { 200: ok(Drill, 'The drill, running'), ...problemResponses, ...notFound, ...conflict },
    }),
    async (c) => c.json(await startDrill({ ctx: ctxOf(c), id: c.req.valid('param').id }), 200),
  );
  app.openapi(
    adminRoute('workspace.read', {
      method: 'post', path: '/api/admin/drills/{id}/join', tags, summary: 'Join the drill: a session in its sandbox with your role (a person), or a sandbox token (an API client)',
      request: { params: IdParam },
      responses: { 200: ok(Joined, 'In the sandbox'), ...problemResponses, ...notFound, ...conflict },
    }),
    async (c) => enter(c, await joinDrill({ ctx: ctxOf(c), id: c.req.valid('param').id, realNow: c.var.deps.now() })),
  );
  app.openapi(
    adminRoute('drill.run', {
      method: 'post', path: '/api/admin/drills/{id}/finish', tags, summary: 'Stop the drill\'s clock and score it against the doctrine',
      request: { params: IdParam },
      responses: { 200: ok(Drill, 'The drill, finished, with its score'), ...problemResponses, ...notFound, ...conflict },
    }),
    async (c) => c.json(await finishDrill({ ctx: ctxOf(c), id: c.req.valid('param').id }), 200),
  );
  app.openapi(
    adminRoute('workspace.read', {
      method: 'get', path: '/api/admin/drills/{id}/report', tags, summary: 'The after-action report: scenario, injects against responses, score per criterion, lessons (Markdown, HTML or PDF)',
      request: { params: IdParam, query: ReportQuery },
      responses: {
        200: { description: 'The report', content: { 'text/markdown': { schema: z.string() }, 'text/html': { schema: z.string() }, 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } } },
        ...problemResponses, ...notFound, 409: { description: 'The drill is not finished' },
      },
    }),
    async (c) => {
      const { format, lang } = c.req.valid('query');
      const file = await drillReport({ ctx: ctxOf(c), id: c.req.valid('param').id, format, language: lang });
      return c.body(typeof file.body === 'string' ? file.body : new Uint8Array(file.body), 200, { 'content-type': file.contentType, 'cache-control': 'no-store' });
    },
  );
}
