import { z } from 'zod';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { CreateEndpointInput, UpdateEndpointInput, createEndpoint, deleteEndpoint, listEndpoints, updateEndpoint } from '../../../services/channels/channel-endpoints.ts';
import { adminRoute, ctxOf } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { expectedVersion, jsonBody, ok, problemResponses, versioned } from '../http.ts';

const tags = ['Team channels'];
const Endpoint = z.object({
  id: z.string(), name: z.string(), kind: z.string(), purpose: z.enum(['chat', 'support_script', 'social', 'alerts']), audience: z.string(), language: z.enum(['fr', 'en']).nullable(),
  target: z.string().describe('The e-mail address, or the URL with its secret part hidden'), has_secret: z.boolean(), enabled: z.boolean(),
  consecutive_failures: z.number(), disabled_at: z.string().nullable(), disabled_reason: z.string().nullable(), created_at: z.string(), updated_at: z.string(), version: z.number(),
});
const Saved = Endpoint.extend({ warnings: z.array(z.string()), signing_secret: z.string().optional().describe('A webhook endpoint\'s Standard Webhooks secret, shown this once') });
const EndpointParam = z.object({ endpointId: z.string().max(64) });

export function registerChannelRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    adminRoute('channels.manage', {
      method: 'get', path: '/api/admin/settings/channels', tags, summary: 'The team\'s channels: chat rooms (Slack, Teams, Discord, Google Chat, Mattermost), the support desk (e-mail, webhook), Mastodon',
      responses: { 200: ok(z.object({ channels: z.array(Endpoint) }), 'By name'), ...problemResponses },
    }),
    async (c) => c.json({ channels: await listEndpoints({ ctx: ctxOf(c) }) }, 200),
  );
  app.openapi(
    adminRoute('channels.manage', {
      method: 'post', path: '/api/admin/settings/channels', tags, summary: 'Add a channel; each publish sends it the variants of its purpose and audience; an alerts room gets the reminders and escalations',
      request: jsonBody(CreateEndpointInput),
      responses: { 201: ok(Saved, 'The channel (and a webhook\'s signing secret, once)'), ...problemResponses, 409: { description: 'The name is taken' } },
    }),
    async (c) => c.json(await createEndpoint({ ctx: ctxOf(c), input: c.req.valid('json') }), 201),
  );
  app.openapi(
    adminRoute('channels.manage', {
      method: 'patch', path: '/api/admin/settings/channels/{endpointId}', tags, summary: 'Edit a channel; enabling a switched-off one clears its failures',
      request: { params: EndpointParam, ...jsonBody(UpdateEndpointInput) },
      responses: { 200: ok(Saved, 'The channel (ETag: its version)'), ...problemResponses, 404: { description: 'No such channel' }, 412: { description: 'If-Match is stale' } },
    }),
    async (c) => versioned(c, await updateEndpoint({ ctx: ctxOf(c), id: c.req.valid('param').endpointId, input: c.req.valid('json'), expectedVersion: expectedVersion(c) })),
  );
  app.openapi(
    adminRoute('channels.manage', {
      method: 'delete', path: '/api/admin/settings/channels/{endpointId}', tags, summary: 'Remove a channel; its pending deliveries are cancelled when their turn comes',
      request: { params: EndpointParam },
      responses: { 204: { description: 'Removed' }, ...problemResponses, 404: { description: 'No such channel' }, 412: { description: 'If-Match is stale' } },
    }),
    async (c) => {
      await deleteEndpoint({ ctx: ctxOf(c), id: c.req.valid('param').endpointId, expectedVersion: expectedVersion(c) });
      return c.body(null, 204);
    },
  );
}
