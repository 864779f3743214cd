import { z } from 'zod';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { channels } from '../../../domain/message/stages.ts';
import { UpdateClosingSettingsInput, getClosingSettings, updateClosingSettings } from '../../../services/closing/closing-settings.ts';
import { CreateClosingMessageInput, createClosingMessage } from '../../../services/closing/create-closing-message.ts';
import { DropPromiseInput, dropPromise } from '../../../services/closing/drop-promise.ts';
import { FollowUpPromiseInput, followUpPromise } from '../../../services/closing/follow-up-promise.ts';
import { getClosingCheck } from '../../../services/closing/get-closing-check.ts';
import { GetClosingDraftInput, getClosingDraft } from '../../../services/closing/get-closing-draft.ts';
import { keepPromise } from '../../../services/closing/keep-promise.ts';
import { ListFollowUpsInput, listFollowUps } from '../../../services/closing/list-follow-ups.ts';
import { adminRoute, ctxOf } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { IdParam, expectedVersion, idempotent, jsonBody, ok, problemResponses, versioned } from '../http.ts';

const tags = ['Closing'];

const PromiseKind = z.enum(['next_update', 'compensation', 'follow_up_report', 'other']);
const Blocker = z.object({ id: z.string(), promise_kind: PromiseKind, text: z.string(), due_at: z.string().nullable(), overdue: z.boolean() });
const Promise = z.object({
  id: z.string(),
  incident_id: z.string(),
  promise_kind: PromiseKind,
  text: z.string(),
  made_at: z.string(),
  due_at: z.string().nullable(),
  state: z.string().describe('pending | kept | broken | dropped | postponed'),
  state_reason: z.string().nullable(),
  overdue: z.boolean().describe('Pending and past due'),
  follow_up: z.object({ at: z.string(), by: z.string(), note: z.string().nullable() }).nullable().describe('Set when the promise is on the follow-up list'),
  version: z.number(),
});
const ClosingCheck = z.object({
  incident_id: z.string(),
  status: z.string(),
  visibility: z.enum(['internal', 'public']),
  is_open: z.boolean(),
  can_close: z.boolean().describe('No promise holds the public close back'),
  blockers: z.array(Blocker).describe('Pending promises, soonest due first: keep, move to follow-up, or drop each with a reason'),
  follow_ups: z.array(Promise).describe('Promises carried past the close, still pending'),
  next_update_promises_settled_by_close: z.number().describe('Pending next-update promises the closing update keeps or breaks by itself'),
  as_of: z.string(),
});
const ClosingDraft = z.object({
  incident_id: z.string(),
  audience: z.string(),
  language: z.enum(['fr', 'en']),
  channel: z.enum(channels),
  sections: z.object({
    chronology: z.array(z.object({ at: z.string(), text: z.string() })).describe('Detected, first public message, key updates, resolution; in the workspace zone'),
    cause: z.string().nullable().describe('From the known facts; null when none names it'),
    corrective_actions: z.array(z.string()),
    next_steps: z.array(z.object({ promise_id: z.string(), text: z.string(), due_at: z.string().nullable() })).describe('The follow-up list'),
    feedback: z.string().nullable().describe('The feedback channel of the closing settings'),
    apology: z.string(),
  }),
  missing: z.array(z.enum(['cause', 'corrective_actions', 'feedback'])).describe('Sections the text marks [to fill: …]: the linter blocks the publish until they are written'),
  subject: z.string().nullable(),
  body: z.string(),
});
const ClosingMessage = z.looseObject({ id: z.string(), stage: z.literal('closing'), variants: z.array(z.looseObject({ id: z.string() })), blockers: z.array(Blocker) });
const ClosingSettings = z.object({ feedback_contact: z.string().nullable(), version: z.number(), updated_at: z.string().nullable() });

const PromiseParams = z.object({ id: z.string().max(64), promiseId: z.string().max(64) });
const notFound = { 404: { description: 'No such incident, or no such promise on its sheet' } };
const settled = { 409: { description: 'The promise is already settled, withdrawn, or (follow-up) a next-update promise or already on the list' } };
const optionalBody = <S extends z.ZodType>(schema: S) => ({ body: { content: { 'application/json': { schema } }, required: false } }) as const;

export function registerClosingRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    adminRoute('facts.read', {
      method: 'get', path: '/api/admin/incidents/{id}/closing-check', tags, summary: 'What blocks the public close: the pending promises, and the follow-up list',
      request: { params: IdParam },
      responses: { 200: ok(ClosingCheck, 'The check'), ...problemResponses, ...notFound },
    }),
    async (c) => c.json(await getClosingCheck({ ctx: ctxOf(c), incidentId: c.req.valid('param').id }), 200),
  );
  app.openapi(
    adminRoute('facts.read', {
      method: 'get', path: '/api/admin/incidents/{id}/closing-draft', tags, summary: 'The structured closing message for one audience, language and channel (nothing is written)',
      request: { params: IdParam, query: GetClosingDraftInput },
      responses: { 200: ok(ClosingDraft, 'The draft'), ...problemResponses, ...notFound },
    }),
    async (c) => c.json(await getClosingDraft({ ctx: ctxOf(c), incidentId: c.req.valid('param').id, input: c.req.valid('query') }), 200),
  );
  app.openapi(
    adminRoute('message.write', {
      method: 'post', path: '/api/admin/incidents/{id}/closing', tags, summary: 'Create the closing message (stage closing), its variants written from the structure; lint, review and publish as any message',
      request: { params: IdParam, ...jsonBody(CreateClosingMessageInput) },
      responses: { 201: ok(ClosingMessage, 'The message, with the promises that would block its publish now'), ...problemResponses, ...notFound },
    }),
    async (c) => idempotent(c, ctxOf(c), (ctx) => createClosingMessage({ ctx, incidentId: c.req.valid('param').id, input: c.req.valid('json') })),
  );
  app.openapi(
    adminRoute('facts.edit', {
      method: 'post', path: '/api/admin/incidents/{id}/promises/{promiseId}/keep', tags, summary: 'Mark a pending promise kept',
      request: { params: PromiseParams },
      responses: { 200: ok(Promise, 'The promise (ETag: its version)'), ...problemResponses, ...notFound, ...settled },
    }),
    async (c) => {
      const { id, promiseId } = c.req.valid('param');
      return versioned(c, await keepPromise({ ctx: ctxOf(c), incidentId: id, promiseId }));
    },
  );
  app.openapi(
    adminRoute('facts.edit', {
      method: 'post', path: '/api/admin/incidents/{id}/promises/{promiseId}/follow-up', tags, summary: 'Move a pending promise to the follow-up list: tracked after the close, no longer blocking it',
      request: { params: PromiseParams, ...optionalBody(FollowUpPromiseInput) },
      responses: { 200: ok(Promise, 'The promise'), ...problemResponses, ...notFound, ...settled },
    }),
    async (c) => {
      const { id, promiseId } = c.req.valid('param');
      return versioned(c, await followUpPromise({ ctx: ctxOf(c), incidentId: id, promiseId, input: c.req.valid('json') }));
    },
  );
  app.openapi(
    adminRoute('facts.edit', {
      method: 'post', path: '/api/admin/incidents/{id}/promises/{promiseId}/drop', tags, summary: 'Drop a pending promise, with the reason (required)',
      request: { params: PromiseParams, ...jsonBody(DropPromiseInput) },
      responses: { 200: ok(Promise, 'The promise'), ...problemResponses, ...notFound, ...settled },
    }),
    async (c) => {
      const { id, promiseId } = c.req.valid('param');
      return versioned(c, await dropPromise({ ctx: ctxOf(c), incidentId: id, promiseId, input: c.req.valid('json') }));
    },
  );
  app.openapi(
    adminRoute('facts.read', {
      method: 'get', path: '/api/admin/closing/follow-ups', tags, summary: 'The follow-up list: promises carried past their incident\'s close, soonest due first',
      request: { query: ListFollowUpsInput },
      responses: { 200: ok(z.object({ follow_ups: z.array(Promise.extend({ incident: z.object({ id: z.string(), name: z.string(), status: z.string() }) })), as_of: z.string() }), 'The list'), ...problemResponses },
    }),
    async (c) => c.json(await listFollowUps({ ctx: ctxOf(c), input: c.req.valid('query') }), 200),
  );
  app.openapi(
    adminRoute('workspace.read', {
      method: 'get', path: '/api/admin/closing/settings', tags, summary: 'The feedback channel closing messages give (ETag: version, 0 before the first edit)',
      responses: { 200: ok(ClosingSettings, 'The settings'), ...problemResponses },
    }),
    async (c) => versioned(c, await getClosingSettings({ ctx: ctxOf(c) })),
  );
  app.openapi(
    adminRoute('settings.manage', {
      method: 'put', path: '/api/admin/closing/settings', tags, summary: 'Set the feedback channel closing messages give (If-Match: the version)',
      request: jsonBody(UpdateClosingSettingsInput),
      responses: { 200: ok(ClosingSettings, 'The settings'), ...problemResponses, 412: { description: 'If-Match is stale' } },
    }),
    async (c) => versioned(c, await updateClosingSettings({ ctx: ctxOf(c), input: c.req.valid('json'), expectedVersion: expectedVersion(c) })),
  );
}
