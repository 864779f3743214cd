import { z } from 'zod';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { deliveryChannels } from '../../../domain/delivery/channels.ts';
import { approvedContent } from '../../../services/messages/approved-content.ts';
import { publishPreview } from '../../../services/messages/publish-preview.ts';
import { adminRoute, ctxOf } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { ok, problemResponses } from '../http.ts';

const tags = ['Messages'];
const Language = z.enum(['fr', 'en']);
const ByLanguage = z.object({ fr: z.number().optional(), en: z.number().optional() });
const Preview = z.object({
  message_id: z.string(),
  notify_subscribers: z.boolean(),
  status_page: z.object({ audience: z.string(), languages: z.array(Language) }).nullable().describe('The status page update it would post, or null without a status-page variant for the page\'s audience'),
  channels: z.array(
    z.object({
      channel: z.enum(deliveryChannels),
      audience: z.string(),
      recipients: z.number(),
      languages: ByLanguage.describe('Recipients by the language of the variant they would get'),
      endpoints: z.array(z.object({ name: z.string(), kind: z.string(), language: Language })).optional().describe('The team\'s rooms and desks it would reach'),
    }),
  ).describe('One row per channel the message has variants for, 0 recipients included'),
  total: z.number(),
  social_variants: z.number().describe('Social variants, posted by a person after the publish'),
  next_update_at: z.string().nullable(),
});
const Approved = z.object({
  message_id: z.string(),
  approval: z.object({ review_id: z.string(), actor: z.object({ type: z.string(), id: z.string().nullable(), name: z.string() }), at: z.string(), content_hash: z.string() }).nullable(),
  current: z.boolean().describe('The approval covers the content as it is now'),
  complete: z.boolean().describe('The text below is exactly what was approved (it hashes to the approval\'s content_hash)'),
  next_update_at: z.string().nullable(),
  variants: z.array(z.object({
    id: z.string(), audience: z.string(), language: Language, channel: z.string(), network: z.string().nullable(), subject: z.string().nullable(),
    body: z.string().nullable().describe('null when a later change cannot be undone from the record'),
  })),
});
const MessageParam = z.object({ messageId: z.string().max(64) });

export function registerPublishPreviewRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    adminRoute('message.publish', {
      method: 'get', path: '/api/admin/messages/{messageId}/publish-preview', tags,
      summary: 'Who a publish would reach now, per channel and language, by the publish\'s own rules; nothing is written',
      request: { params: MessageParam },
      responses: { 200: ok(Preview, 'Recipients per channel'), ...problemResponses, 404: { description: 'No such message' }, 409: { description: 'The message is published' } },
    }),
    async (c) => c.json(await publishPreview({ ctx: ctxOf(c), messageId: c.req.valid('param').messageId }), 200),
  );
  app.openapi(
    adminRoute('facts.read', {
      method: 'get', path: '/api/admin/messages/{messageId}/approved-content', tags,
      summary: 'The message as it was last approved, to show what changed since',
      request: { params: MessageParam },
      responses: { 200: ok(Approved, 'The approval and the variants as approved'), ...problemResponses, 404: { description: 'No such message' } },
    }),
    async (c) => c.json(await approvedContent({ ctx: ctxOf(c), messageId: c.req.valid('param').messageId }), 200),
  );
}
