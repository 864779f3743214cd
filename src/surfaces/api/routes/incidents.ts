import { z } from 'zod';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { componentStatuses } from '../../../domain/component/status.ts';
import { impacts, incidentStatuses } from '../../../domain/incident/lifecycle.ts';
import { OpenIncidentInput, openIncident } from '../../../services/incident/open-incident.ts';
import { AddIncidentUpdateInput, addIncidentUpdate } from '../../../services/incident/add-incident-update.ts';
import { ResolveIncidentInput, resolveIncident } from '../../../services/incident/resolve-incident.ts';
import { PostponeNextUpdateInput, postponeNextUpdate } from '../../../services/incident/postpone-next-update.ts';
import { EditIncidentInput, editIncident } from '../../../services/incident/edit-incident.ts';
import { EditIncidentUpdateInput, editIncidentUpdate } from '../../../services/incident/edit-incident-update.ts';
import { ListIncidentsInput, listIncidents } from '../../../services/incident/list-incidents.ts';
import { getIncident } from '../../../services/incident/get-incident.ts';
import { adminRoute, ctxOf } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { IdParam, expectedVersion, idempotent, jsonBody, ok, problemResponses, versioned } from '../http.ts';

const tags = ['Incidents'];

const AffectedComponent = z.object({
  code: z.string(),
  name: z.string(),
  old_status: z.enum(componentStatuses),
  new_status: z.enum(componentStatuses),
});
export const IncidentUpdate = z.object({
  id: z.string(),
  status: z.enum(incidentStatuses),
  body: z.string(),
  bodies: z.object({ fr: z.string().optional(), en: z.string().optional() }).nullable().describe('The text per page language, when given'),
  message_id: z.string().nullable().describe('The approved message this update published, if any'),
  affected_components: z.array(AffectedComponent).nullable(),
  deliver_notifications: z.boolean(),
  author: z.object({ type: z.enum(['user', 'token', 'system']), id: z.string().nullable(), name: z.string() }),
  created_at: z.string(),
  published_at: z.string().nullable(),
  display_at: z.string(),
  updated_at: z.string(),
  version: z.number(),
});
export const Incident = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(incidentStatuses),
  impact: z.enum(impacts),
  occurred_at: z.string().nullable(),
  detected_at: z.string().nullable(),
  acknowledged_at: z.string().nullable(),
  monitoring_at: z.string().nullable(),
  resolved_at: z.string().nullable(),
  next_update_at: z.string().nullable().describe('The public promise of the next update, while open'),
  daily_update_time: z.string().nullable().describe('A daily communiqué at this local time ("16:00") when no time was promised'),
  referent_id: z.string().nullable(),
  backup_referent_id: z.string().nullable(),
  component_ids: z.array(z.string()),
  visibility: z.enum(['internal', 'public']).describe('internal: declared inside the crisis cell, on no page and told to no subscriber until its first public update'),
  public_at: z.string().nullable().describe('When its first public update went out; null while internal'),
  created_at: z.string(),
  updated_at: z.string(),
  version: z.number(),
  updates: z.array(IncidentUpdate),
});
/** What adding an update answers: the incident's fields (its ETag) and the new update. */
const IncidentWithNewUpdate = Incident.omit({ updates: true }).extend({ update: IncidentUpdate });
const ResolvedIncident = Incident.omit({ updates: true }).extend({ update: IncidentUpdate.nullable().describe('The resolving update; null when an internal incident was closed without anything published') });

const UpdateParams = z.object({ id: z.string().max(64), updateId: z.string().max(64) });
const notFound = { 404: { description: 'No such incident (or update)' } };
const stale = { 412: { description: 'If-Match is stale' } };

export function registerIncidentRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    adminRoute('incident.read', {
      method: 'get', path: '/api/admin/incidents', tags, summary: 'List incidents, newest first (keyset pages)',
      request: { query: ListIncidentsInput },
      responses: { 200: ok(z.object({ incidents: z.array(Incident), next_cursor: z.string().nullable() }), 'A page of incidents'), ...problemResponses },
    }),
    async (c) => c.json(await listIncidents({ ctx: ctxOf(c), input: c.req.valid('query') }), 200),
  );
  app.openapi(
    adminRoute('incident.open', {
      method: 'post', path: '/api/admin/incidents', tags, summary: 'Open an incident with its first update, or without a body declare it internally (public with its first update)',
      request: jsonBody(OpenIncidentInput),
      responses: { 201: ok(Incident, 'The incident'), ...problemResponses, 404: { description: 'A listed component does not exist' } },
    }),
    async (c) => idempotent(c, ctxOf(c), (ctx) => openIncident({ ctx, input: c.req.valid('json') })),
  );
  app.openapi(
    adminRoute('incident.read', {
      method: 'get', path: '/api/admin/incidents/{id}', tags, summary: 'Get an incident with its updates, newest first',
      request: { params: IdParam },
      responses: { 200: ok(Incident, 'The incident (ETag: its version)'), ...problemResponses, ...notFound },
    }),
    async (c) => versioned(c, await getIncident({ ctx: ctxOf(c), id: c.req.valid('param').id })),
  );
  app.openapi(
    adminRoute('incident.manage', {
      method: 'patch', path: '/api/admin/incidents/{id}', tags, summary: 'Edit an incident: name, impact, times, referents, affected components, daily communiqué time',
      request: { params: IdParam, ...jsonBody(EditIncidentInput) },
      responses: { 200: ok(Incident, 'The incident'), ...problemResponses, ...notFound, ...stale },
    }),
    async (c) => versioned(c, await editIncident({ ctx: ctxOf(c), id: c.req.valid('param').id, input: c.req.valid('json'), expectedVersion: expectedVersion(c) })),
  );
  app.openapi(
    adminRoute('incident.update', {
      method: 'post', path: '/api/admin/incidents/{id}/updates', tags, summary: 'Add an update; the incident status follows the newest update; the first one makes an internal incident public',
      request: { params: IdParam, ...jsonBody(AddIncidentUpdateInput) },
      responses: { 201: ok(IncidentWithNewUpdate, 'The incident (without its timeline) and the new update'), ...problemResponses, ...notFound },
    }),
    async (c) => idempotent(c, ctxOf(c), (ctx) => addIncidentUpdate({ ctx, id: c.req.valid('param').id, input: c.req.valid('json') })),
  );
  app.openapi(
    adminRoute('incident.manage', {
      method: 'patch', path: '/api/admin/incidents/{id}/updates/{updateId}', tags, summary: 'Correct the text of an update (its id and time stay)',
      request: { params: UpdateParams, ...jsonBody(EditIncidentUpdateInput) },
      responses: { 200: ok(IncidentUpdate, 'The update (ETag: its version)'), ...problemResponses, ...notFound, ...stale },
    }),
    async (c) => {
      const { id, updateId } = c.req.valid('param');
      return versioned(c, await editIncidentUpdate({ ctx: ctxOf(c), incidentId: id, updateId, input: c.req.valid('json'), expectedVersion: expectedVersion(c) }));
    },
  );
  app.openapi(
    adminRoute('incident.update', {
      method: 'post', path: '/api/admin/incidents/{id}/next-update/postpone', tags,
      summary: 'Move the promised next update later, with an internal reason; the status page says so in a short update',
      request: { params: IdParam, ...jsonBody(PostponeNextUpdateInput) },
      responses: {
        201: ok(IncidentWithNewUpdate.extend({ postponed: z.object({ from: z.string(), to: z.string(), reason: z.string(), promises: z.object({ postponed: z.number(), broken: z.number() }) }) }), 'The incident, the update that announces the new time, and what moved'),
        ...problemResponses,
        ...notFound,
      },
    }),
    async (c) => idempotent(c, ctxOf(c), (ctx) => postponeNextUpdate({ ctx, id: c.req.valid('param').id, input: c.req.valid('json') })),
  );
  app.openapi(
    adminRoute('incident.update', {
      method: 'post', path: '/api/admin/incidents/{id}/resolve', tags, summary: 'Resolve an incident; its components go back to operational unless listed; an internal one is closed without a word in public',
      request: { params: IdParam, body: { content: { 'application/json': { schema: ResolveIncidentInput } }, required: false } },
      responses: { 201: ok(ResolvedIncident, 'The incident (without its timeline) and the resolving update'), ...problemResponses, ...notFound },
    }),
    async (c) => idempotent(c, ctxOf(c), (ctx) => resolveIncident({ ctx, id: c.req.valid('param').id, input: c.req.valid('json') })),
  );
}
