import { z } from 'zod';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { componentStatuses } from '../../../domain/component/status.ts';
import { CreateComponentInput, createComponent } from '../../../services/component/create-component.ts';
import { UpdateComponentInput, updateComponent } from '../../../services/component/update-component.ts';
import { deleteComponent } from '../../../services/component/delete-component.ts';
import { getComponent, getGroup, listComponents } from '../../../services/component/list-components.ts';
import { componentHistory } from '../../../services/component/component-history.ts';
import { CreateGroupInput, createGroup } from '../../../services/component/create-group.ts';
import { UpdateGroupInput, updateGroup } from '../../../services/component/update-group.ts';
import { deleteGroup } from '../../../services/component/delete-group.ts';
import { adminRoute, ctxOf } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { IdParam, expectedVersion, idempotent, jsonBody, ok, problemResponses, versioned } from '../http.ts';

const tags = ['Components'];

export const Component = z.object({
  id: z.string(),
  group_id: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  position: z.number(),
  status: z.enum(componentStatuses),
  showcase: z.boolean(),
  only_show_if_degraded: z.boolean(),
  start_date: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  version: z.number(),
});
const Group = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  position: z.number(),
  components: z.array(z.string()),
  created_at: z.string(),
  updated_at: z.string(),
  version: z.number(),
});
const StatusChange = z.object({
  status: z.enum(componentStatuses),
  previous_status: z.enum(componentStatuses).nullable(),
  changed_at: z.string(),
  incident_id: z.string().nullable(),
  maintenance_id: z.string().nullable(),
});

export function registerComponentRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    adminRoute('component.read', {
      method: 'get', path: '/api/admin/components', tags, summary: 'List components and groups, by position',
      responses: { 200: ok(z.object({ components: z.array(Component), groups: z.array(Group) }), 'Components and groups'), ...problemResponses },
    }),
    async (c) => c.json(await listComponents({ ctx: ctxOf(c) }), 200),
  );
  app.openapi(
    adminRoute('component.manage', {
      method: 'post', path: '/api/admin/components', tags, summary: 'Create a component',
      request: jsonBody(CreateComponentInput),
      responses: { 201: ok(Component, 'The component'), ...problemResponses },
    }),
    async (c) => idempotent(c, ctxOf(c), (ctx) => createComponent({ ctx, input: c.req.valid('json') })),
  );
  app.openapi(
    adminRoute('component.read', {
      method: 'get', path: '/api/admin/components/{id}', tags, summary: 'Get a component',
      request: { params: IdParam },
      responses: { 200: ok(Component, 'The component (ETag: its version)'), ...problemResponses, 404: { description: 'No such component' } },
    }),
    async (c) => versioned(c, await getComponent({ ctx: ctxOf(c), id: c.req.valid('param').id })),
  );
  app.openapi(
    adminRoute('component.set_status', {
      method: 'patch', path: '/api/admin/components/{id}', tags,
      summary: 'Edit a component or set its status (status alone needs component.set_status; other fields component.manage)',
      request: { params: IdParam, ...jsonBody(UpdateComponentInput) },
      responses: { 200: ok(Component, 'The component'), ...problemResponses, 404: { description: 'No such component' }, 412: { description: 'If-Match is stale' } },
    }),
    async (c) => versioned(c, await updateComponent({ ctx: ctxOf(c), id: c.req.valid('param').id, input: c.req.valid('json'), expectedVersion: expectedVersion(c) })),
  );
  app.openapi(
    adminRoute('component.manage', {
      method: 'delete', path: '/api/admin/components/{id}', tags, summary: 'Delete a component and its history',
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...problemResponses, 404: { description: 'No such component' }, 412: { description: 'If-Match is stale' } },
    }),
    async (c) => {
      await deleteComponent({ ctx: ctxOf(c), id: c.req.valid('param').id, expectedVersion: expectedVersion(c) });
      return c.body(null, 204);
    },
  );
  app.openapi(
    adminRoute('component.read', {
      method: 'get', path: '/api/admin/components/{id}/history', tags, summary: 'Status changes of a component (default: last 90 days)',
      request: { params: IdParam, query: z.object({ from: z.string().optional(), to: z.string().optional() }) },
      responses: { 200: ok(z.object({ changes: z.array(StatusChange) }), 'Status changes, oldest first'), ...problemResponses },
    }),
    async (c) => c.json({ changes: await componentHistory({ ctx: ctxOf(c), id: c.req.valid('param').id, input: c.req.valid('query') }) }, 200),
  );
  app.openapi(
    adminRoute('component.manage', {
      method: 'post', path: '/api/admin/component-groups', tags, summary: 'Create a component group',
      request: jsonBody(CreateGroupInput),
      responses: { 201: ok(Group, 'The group'), ...problemResponses },
    }),
    async (c) => idempotent(c, ctxOf(c), (ctx) => createGroup({ ctx, input: c.req.valid('json') })),
  );
  app.openapi(
    adminRoute('component.read', {
      method: 'get', path: '/api/admin/component-groups/{id}', tags, summary: 'Get a component group with its components in order',
      request: { params: IdParam },
      responses: { 200: ok(Group, 'The group (ETag: its version)'), ...problemResponses, 404: { description: 'No such group' } },
    }),
    async (c) => versioned(c, await getGroup({ ctx: ctxOf(c), id: c.req.valid('param').id })),
  );
  app.openapi(
    adminRoute('component.manage', {
      method: 'patch', path: '/api/admin/component-groups/{id}', tags, summary: 'Edit a component group',
      request: { params: IdParam, ...jsonBody(UpdateGroupInput) },
      responses: { 200: ok(Group, 'The group'), ...problemResponses, 404: { description: 'No such group' }, 412: { description: 'If-Match is stale' } },
    }),
    async (c) => versioned(c, await updateGroup({ ctx: ctxOf(c), id: c.req.valid('param').id, input: c.req.valid('json'), expectedVersion: expectedVersion(c) })),
  );
  app.openapi(
    adminRoute('component.manage', {
      method: 'delete', path: '/api/admin/component-groups/{id}', tags, summary: 'Delete a group (its components stay, ungrouped)',
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...problemResponses, 404: { description: 'No such group' } },
    }),
    async (c) => {
      await deleteGroup({ ctx: ctxOf(c), id: c.req.valid('param').id, expectedVersion: expectedVersion(c) });
      return c.body(null, 204);
    },
  );
}
