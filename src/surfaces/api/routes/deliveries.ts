import { z } from 'zod';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { deliveryChannels, deliveryStates } from '../../../domain/delivery/channels.ts';
import { deliveryProgress } from '../../../services/delivery/delivery-progress.ts';
import { listDeadLetters, retryDeliveries } from '../../../services/delivery/dead-letters.ts';
import { PostSocialInput, postSocialVariant } from '../../../services/messages/post-social.ts';
import { adminRoute, ctxOf } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { jsonBody, ok, problemResponses } from '../http.ts';

const tags = ['Deliveries'];
const StateCounts = z.object(Object.fromEntries(deliveryStates.map((state) => [state, z.number()])) as Record<(typeof deliveryStates)[number], z.ZodNumber>);
const Progress = z.object({
  message_id: z.string(),
  total: z.number(),
  settled: z.number().describe('Sent, failed, dead or cancelled'),
  percent: z.number(),
  by_channel: z.record(z.enum(deliveryChannels), StateCounts),
  first_sent_at: z.string().nullable(),
  last_sent_at: z.string().nullable(),
});
const Delivery = z.object({
  id: z.string(), kind: z.string(), message_id: z.string().nullable(), channel: z.enum(deliveryChannels), address: z.string(), language: z.enum(['fr', 'en']),
  state: z.enum(deliveryStates), attempts: z.number(), next_attempt_at: z.string().nullable(), sent_at: z.string().nullable(),
  last_error: z.string().nullable(), response: z.string().nullable(), created_at: z.string(), updated_at: z.string(),
});
const MessageParam = z.object({ messageId: z.string().max(64) });
/** Between two progress events of a stream. */
const streamEveryMs = 1_000;

export function registerDeliveryRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    adminRoute('delivery.read', {
      method: 'get', path: '/api/admin/messages/{messageId}/deliveries', tags,
      summary: 'Delivery progress of a published message, per channel and state; with Accept: text/event-stream, a `progress` event every second until every delivery is settled',
      request: { params: MessageParam },
      responses: { 200: { description: 'The progress (JSON), or a stream of `progress` events', content: { 'application/json': { schema: Progress }, 'text/event-stream': { schema: z.string() } } }, ...problemResponses, 404: { description: 'No such message' } },
    }),
    async (c) => {
      const ctx = ctxOf(c);
      const { messageId } = c.req.valid('param');
      const first = await deliveryProgress({ ctx, messageId });
      if (!(c.req.header('accept') ?? '').includes('text/event-stream')) return c.json(first, 200);
      return streamSSE(c, async (stream) => {
        let progress = first;
        for (let id = 0; ; id++) {
          await stream.writeSSE({ event: 'progress', id: String(id), data: JSON.stringify(progress) });
          if (progress.settled === progress.total || stream.aborted) break;
          await stream.sleep(streamEveryMs);
          progress = await deliveryProgress({ ctx, messageId });
        }
      }) as never;
    },
  );
  app.openapi(
    adminRoute('delivery.read', {
      method: 'get', path: '/api/admin/deliveries/dead-letters', tags, summary: 'Deliveries out of retries (dead) or refused for good (failed), newest first',
      request: { query: z.object({ message_id: z.string().max(64).optional(), before: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(500).optional() }) },
      responses: { 200: ok(z.object({ deliveries: z.array(Delivery), next_before: z.string().nullable() }), 'One page; pass next_before as before for the next'), ...problemResponses },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return c.json(await listDeadLetters({ ctx: ctxOf(c), messageId: query.message_id, before: query.before, limit: query.limit }), 200);
    },
  );
  app.openapi(
    adminRoute('delivery.retry', {
      method: 'post', path: '/api/admin/deliveries/{deliveryId}/retry', tags, summary: 'Replay one dead or failed delivery now, under the same id (same Message-ID, same webhook-id)',
      request: { params: z.object({ deliveryId: z.string().max(20) }) },
      responses: { 200: ok(z.object({ retried: z.number() }), 'Queued again'), ...problemResponses, 404: { description: 'No such delivery' }, 409: { description: 'The delivery is not dead or failed' } },
    }),
    async (c) => c.json(await retryDeliveries({ ctx: ctxOf(c), deliveryId: c.req.valid('param').deliveryId }), 200),
  );
  app.openapi(
    adminRoute('delivery.retry', {
      method: 'post', path: '/api/admin/messages/{messageId}/deliveries/retry', tags, summary: 'Replay every dead delivery of a message',
      request: { params: MessageParam },
      responses: { 200: ok(z.object({ retried: z.number() }), 'How many were queued again'), ...problemResponses, 404: { description: 'No such message' } },
    }),
    async (c) => c.json(await retryDeliveries({ ctx: ctxOf(c), messageId: c.req.valid('param').messageId }), 200),
  );
  app.openapi(
    adminRoute('message.publish', {
      method: 'post', path: '/api/admin/messages/{messageId}/variants/{variantId}/post', tags,
      summary: 'Post a published message\'s social variant to the team\'s Mastodon account; asking again posts nothing more',
      request: { params: z.object({ messageId: z.string().max(64), variantId: z.string().max(64) }), ...jsonBody(PostSocialInput) },
      responses: {
        202: ok(z.object({ delivery: Delivery }), 'Queued for a worker to post; follow it in the message\'s delivery progress'),
        200: ok(z.object({ delivery: Delivery }), 'Asked before: the post already queued or made'),
        ...problemResponses,
        404: { description: 'No such message, variant or channel' },
        409: { description: 'The message is not published, or the account is switched off' },
      },
    }),
    async (c) => {
      const { messageId, variantId } = c.req.valid('param');
      const { delivery, created } = await postSocialVariant({ ctx: ctxOf(c), messageId, variantId, input: c.req.valid('json') });
      return created ? c.json({ delivery }, 202) : c.json({ delivery }, 200);
    },
  );
}
