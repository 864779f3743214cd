import { z } from 'zod';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { channels, stages } from '../../../domain/linter/types.ts';
import { getCommsSettings } from '../../../services/settings/comms-settings.ts';
import { UpdateCommsSettingsInput, updateCommsSettings } from '../../../services/settings/update-comms-settings.ts';
import { listGlossary } from '../../../services/settings/list-glossary.ts';
import { CreateGlossaryTermInput, createGlossaryTerm } from '../../../services/settings/create-glossary-term.ts';
import { UpdateGlossaryTermInput, updateGlossaryTerm } from '../../../services/settings/update-glossary-term.ts';
import { deleteGlossaryTerm } from '../../../services/settings/delete-glossary-term.ts';
import { listTemplates } from '../../../services/settings/list-templates.ts';
import { CreateTemplateInput, createTemplate } from '../../../services/settings/create-template.ts';
import { UpdateTemplateInput, updateTemplate } from '../../../services/settings/update-template.ts';
import { deleteTemplate } from '../../../services/settings/delete-template.ts';
import { templatePlaceholders } from '../../../services/settings/template-placeholders.ts';
import { adminRoute, ctxOf } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { expectedVersion, idempotent, jsonBody, ok, problemResponses, versioned } from '../http.ts';

const tags = ['Communication settings'];
const level = z.enum(['off', 'error', 'warning', 'info']);

const Audience = z.object({
  id: z.string(),
  name: z.object({ fr: z.string(), en: z.string() }),
  lay: z.boolean().describe('Lay audiences get the jargon and readability rules'),
  readability_min: z.number().nullable().describe('Lowest readability accepted (Flesch in English, Kandel–Moles in French); null: no check'),
});
const CommsSettings = z.object({
  audiences: z.array(Audience),
  cadence: z.object({ critical: z.number(), major: z.number(), minor: z.number(), none: z.number() }).describe('Minutes between public updates by impact'),
  four_eyes: z.boolean().describe('An approver must not be an author of what is approved'),
  status_page_audience: z.string().describe('The audience whose variant goes to the status page'),
  lint_rules: z.record(z.string(), level).describe('Linter rule id → level; absent rules keep their own severity'),
  first_message_minutes: z.number().describe('Minutes from detection to the first public message (15–60)'),
  remind_before_minutes: z.number().describe('Minutes before a deadline the referent is reminded'),
  escalate_after_minutes: z.number().describe('Minutes after a missed deadline an executive is told'),
  maintenance_notice_hours: z.array(z.number()).describe('Hours before a maintenance starts that its subscribers are told, furthest first (default [24, 1]; [] tells no one)'),
  version: z.number().describe('0 while the workspace has only the defaults'),
  updated_at: z.string().nullable(),
});
const GlossaryTerm = z.object({
  id: z.string(),
  term: z.string(),
  plain: z.string(),
  language: z.enum(['fr', 'en']),
  audiences: z.array(z.string()).describe('Empty: every lay audience'),
  created_at: z.string(),
  updated_at: z.string(),
  version: z.number(),
});
const Template = z.object({
  id: z.string(),
  stage: z.enum(stages),
  language: z.enum(['fr', 'en']),
  channel: z.enum(channels),
  audience: z.string().nullable().describe('null: any audience without a template of its own'),
  subject: z.string().nullable(),
  body: z.string().describe(`Text with {{placeholders}}: ${Object.keys(templatePlaceholders).join(', ')}`),
  created_at: z.string(),
  updated_at: z.string(),
  version: z.number(),
});
const TermParam = z.object({ termId: z.string().max(64) });
const TemplateParam = z.object({ templateId: z.string().max(64) });
const stale = { 412: { description: 'If-Match is stale' } };

export function registerSettingsRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    adminRoute('workspace.read', {
      method: 'get', path: '/api/admin/settings/communication', tags, summary: 'Audiences, update cadence, four-eyes review, status page audience and linter levels (defaults merged)',
      responses: { 200: ok(CommsSettings, 'The settings (ETag: their version)'), ...problemResponses },
    }),
    async (c) => versioned(c, await getCommsSettings({ ctx: ctxOf(c) })),
  );
  app.openapi(
    adminRoute('settings.manage', {
      method: 'patch', path: '/api/admin/settings/communication', tags, summary: 'Edit the communication settings; audiences and lint_rules are replaced whole, cadence is merged',
      request: jsonBody(UpdateCommsSettingsInput),
      responses: { 200: ok(CommsSettings, 'The settings'), ...problemResponses, 409: { description: 'A removed audience is on an open incident\'s fact sheet' }, ...stale },
    }),
    async (c) => versioned(c, await updateCommsSettings({ ctx: ctxOf(c), input: c.req.valid('json'), expectedVersion: expectedVersion(c) })),
  );

  app.openapi(
    adminRoute('workspace.read', {
      method: 'get', path: '/api/admin/settings/glossary', tags, summary: 'The glossary: jargon and its plain words, per language and audiences',
      responses: { 200: ok(z.object({ terms: z.array(GlossaryTerm) }), 'Terms by language, then term'), ...problemResponses },
    }),
    async (c) => c.json({ terms: await listGlossary({ ctx: ctxOf(c) }) }, 200),
  );
  app.openapi(
    adminRoute('settings.manage', {
      method: 'post', path: '/api/admin/settings/glossary', tags, summary: 'Add a glossary term',
      request: jsonBody(CreateGlossaryTermInput),
      responses: { 201: ok(GlossaryTerm, 'The term'), ...problemResponses, 409: { description: 'The language already has this term (any case)' } },
    }),
    async (c) => idempotent(c, ctxOf(c), (ctx) => createGlossaryTerm({ ctx, input: c.req.valid('json') })),
  );
  app.openapi(
    adminRoute('settings.manage', {
      method: 'patch', path: '/api/admin/settings/glossary/{termId}', tags, summary: 'Edit a glossary term',
      request: { params: TermParam, ...jsonBody(UpdateGlossaryTermInput) },
      responses: { 200: ok(GlossaryTerm, 'The term (ETag: its version)'), ...problemResponses, 404: { description: 'No such term' }, 409: { description: 'The language already has this term' }, ...stale },
    }),
    async (c) => versioned(c, await updateGlossaryTerm({ ctx: ctxOf(c), id: c.req.valid('param').termId, input: c.req.valid('json'), expectedVersion: expectedVersion(c) })),
  );
  app.openapi(
    adminRoute('settings.manage', {
      method: 'delete', path: '/api/admin/settings/glossary/{termId}', tags, summary: 'Delete a glossary term',
      request: { params: TermParam },
      responses: { 204: { description: 'Deleted' }, ...problemResponses, 404: { description: 'No such term' }, ...stale },
    }),
    async (c) => {
      await deleteGlossaryTerm({ ctx: ctxOf(c), id: c.req.valid('param').termId, expectedVersion: expectedVersion(c) });
      return c.body(null, 204);
    },
  );

  app.openapi(
    adminRoute('workspace.read', {
      method: 'get', path: '/api/admin/settings/templates', tags, summary: 'The workspace\'s message templates (built-ins fill the slots left empty)',
      responses: { 200: ok(z.object({ templates: z.array(Template), placeholders: z.record(z.string(), z.string()) }), 'Templates, and what each {{placeholder}} stands for'), ...problemResponses },
    }),
    async (c) => c.json({ templates: await listTemplates({ ctx: ctxOf(c) }), placeholders: templatePlaceholders }, 200),
  );
  app.openapi(
    adminRoute('settings.manage', {
      method: 'post', path: '/api/admin/settings/templates', tags, summary: 'Add a template for a slot: stage, language, channel, audience (null: any)',
      request: jsonBody(CreateTemplateInput),
      responses: { 201: ok(Template, 'The template'), ...problemResponses, 409: { description: 'A template already fills this slot' } },
    }),
    async (c) => idempotent(c, ctxOf(c), (ctx) => createTemplate({ ctx, input: c.req.valid('json') })),
  );
  app.openapi(
    adminRoute('settings.manage', {
      method: 'patch', path: '/api/admin/settings/templates/{templateId}', tags, summary: 'Edit a template',
      request: { params: TemplateParam, ...jsonBody(UpdateTemplateInput) },
      responses: { 200: ok(Template, 'The template (ETag: its version)'), ...problemResponses, 404: { description: 'No such template' }, 409: { description: 'Another template fills this slot' }, ...stale },
    }),
    async (c) => versioned(c, await updateTemplate({ ctx: ctxOf(c), id: c.req.valid('param').templateId, input: c.req.valid('json'), expectedVersion: expectedVersion(c) })),
  );
  app.openapi(
    adminRoute('settings.manage', {
      method: 'delete', path: '/api/admin/settings/templates/{templateId}', tags, summary: 'Delete a template; its slot falls back to the built-in one',
      request: { params: TemplateParam },
      responses: { 204: { description: 'Deleted' }, ...problemResponses, 404: { description: 'No such template' }, ...stale },
    }),
    async (c) => {
      await deleteTemplate({ ctx: ctxOf(c), id: c.req.valid('param').templateId, expectedVersion: expectedVersion(c) });
      return c.body(null, 204);
    },
  );
}
