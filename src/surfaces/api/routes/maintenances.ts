import { z } from 'zod';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { maintenanceStatuses } from '../../../domain/maintenance/lifecycle.ts';
import { ScheduleMaintenanceInput, scheduleMaintenance } from '../../../services/maintenance/schedule-maintenance.ts';
import { EditMaintenanceInput, editMaintenance } from '../../../services/maintenance/edit-maintenance.ts';
import { AddMaintenanceUpdateInput, addMaintenanceUpdate } from '../../../services/maintenance/add-maintenance-update.ts';
import { ListMaintenancesInput, listMaintenances } from '../../../services/maintenance/list-maintenances.ts';
import { getMaintenance } from '../../../services/maintenance/get-maintenance.ts';
import { adminRoute, ctxOf } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { IdParam, expectedVersion, idempotent, jsonBody, ok, problemResponses, versioned } from '../http.ts';

const tags = ['Maintenances'];
const notFound = { 404: { description: 'No such maintenance' } };

const MaintenanceUpdate = z.object({
  id: z.string(),
  status: z.enum(maintenanceStatuses),
  body: z.string(),
  author: z.object({ type: z.enum(['user', 'token', 'system']), id: z.string().nullable(), name: z.string() }),
  created_at: z.string(),
  display_at: z.string(),
});
export const Maintenance = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(maintenanceStatuses),
  impact: z.literal('maintenance'),
  scheduled_for: z.string(),
  scheduled_until: z.string(),
  auto_start: z.boolean(),
  auto_complete: z.boolean(),
  started_at: z.string().nullable(),
  completed_at: z.string().nullable(),
  component_ids: z.array(z.string()),
  created_at: z.string(),
  updated_at: z.string(),
  version: z.number(),
  updates: z.array(MaintenanceUpdate).describe('Newest first'),
});

export function registerMaintenanceRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    adminRoute('maintenance.read', {
      method: 'get', path: '/api/admin/maintenances', tags, summary: 'List maintenances, newest window first (keyset pages)',
      request: { query: ListMaintenancesInput },
      responses: { 200: ok(z.object({ maintenances: z.array(Maintenance), next_cursor: z.string().nullable() }), 'A page of maintenances'), ...problemResponses },
    }),
    async (c) => c.json(await listMaintenances({ ctx: ctxOf(c), input: c.req.valid('query') }), 200),
  );
  app.openapi(
    adminRoute('maintenance.manage', {
      method: 'post', path: '/api/admin/maintenances', tags,
      summary: 'Schedule a maintenance; it starts and completes on its own unless auto_start / auto_complete are false',
      request: jsonBody(ScheduleMaintenanceInput),
      responses: { 201: ok(Maintenance, 'The maintenance'), ...problemResponses },
    }),
    async (c) => idempotent(c, ctxOf(c), (ctx) => scheduleMaintenance({ ctx, input: c.req.valid('json') })),
  );
  app.openapi(
    adminRoute('maintenance.read', {
      method: 'get', path: '/api/admin/maintenances/{id}', tags, summary: 'Get a maintenance with its timeline',
      request: { params: IdParam },
      responses: { 200: ok(Maintenance, 'The maintenance (ETag: its version)'), ...problemResponses, ...notFound },
    }),
    async (c) => versioned(c, await getMaintenance({ ctx: ctxOf(c), id: c.req.valid('param').id })),
  );
  app.openapi(
    adminRoute('maintenance.manage', {
      method: 'patch', path: '/api/admin/maintenances/{id}', tags, summary: 'Edit a maintenance: name, window, components, flags (a new window reschedules it)',
      request: { params: IdParam, ...jsonBody(EditMaintenanceInput) },
      responses: { 200: ok(Maintenance, 'The maintenance'), ...problemResponses, ...notFound, 409: { description: 'Completed: only the name can change' }, 412: { description: 'If-Match is stale' } },
    }),
    async (c) => versioned(c, await editMaintenance({ ctx: ctxOf(c), id: c.req.valid('param').id, input: c.req.valid('json'), expectedVersion: expectedVersion(c) })),
  );
  app.openapi(
    adminRoute('maintenance.manage', {
      method: 'post', path: '/api/admin/maintenances/{id}/updates', tags,
      summary: 'Post an update, moving the maintenance to its status (starting or completing it by hand)',
      request: { params: IdParam, ...jsonBody(AddMaintenanceUpdateInput) },
      responses: { 201: ok(Maintenance, 'The maintenance with the new update'), ...problemResponses, ...notFound },
    }),
    async (c) => idempotent(c, ctxOf(c), (ctx) => addMaintenanceUpdate({ ctx, id: c.req.valid('param').id, input: c.req.valid('json') })),
  );
}
