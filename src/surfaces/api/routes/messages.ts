import { z } from 'zod';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { stages } from '../../../domain/linter/types.ts';
import { channels } from '../../../domain/message/stages.ts';
import { deliveryChannels } from '../../../domain/delivery/channels.ts';
import { AddVariantInput, addVariant } from '../../../services/messages/add-variant.ts';
import { ApproveMessageInput, approveMessage } from '../../../services/messages/approve-message.ts';
import { CommentOnMessageInput, commentOnMessage } from '../../../services/messages/comment-on-message.ts';
import { CreateMessageInput, createMessage } from '../../../services/messages/create-message.ts';
import { EditMessageInput, editMessage } from '../../../services/messages/edit-message.ts';
import { EditVariantInput, editVariant } from '../../../services/messages/edit-variant.ts';
import { EmergencyPublishInput, emergencyPublishMessage } from '../../../services/messages/emergency-publish-message.ts';
import { getMessage } from '../../../services/messages/get-message.ts';
import { LintDraftInput, lintDraft } from '../../../services/messages/lint-draft.ts';
import { listMessages } from '../../../services/messages/list-messages.ts';
import { publishMessage } from '../../../services/messages/publish-message.ts';
import { removeVariant } from '../../../services/messages/remove-variant.ts';
import { RequestChangesInput, requestChanges } from '../../../services/messages/request-changes.ts';
import { RequestReviewInput, requestReview } from '../../../services/messages/request-review.ts';
import { adminRoute, ctxOf } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { IdParam, expectedVersion, idempotent, jsonBody, ok, problemResponses, versioned } from '../http.ts';
import { IncidentUpdate } from './incidents.ts';

const tags = ['Messages'];

const Actor = z.object({ type: z.enum(['user', 'token', 'system']), id: z.string().nullable(), name: z.string() });
const Finding = z.object({
  rule: z.string().describe('Linter rule id (or `unfilled-placeholder` for a template slot left to fill)'),
  severity: z.enum(['error', 'warning', 'info']),
  start: z.number().describe('UTF-16 offset in the field where the finding starts'),
  end: z.number().describe('End offset, exclusive; equal to start for something missing'),
  field: z.enum(['text', 'subject']).optional().describe('Absent means the body'),
  message: z.string(),
  suggestion: z.string().optional(),
  doctrine: z.string(),
});
const Variant = z.object({
  id: z.string(),
  message_id: z.string(),
  audience: z.string(),
  language: z.enum(['fr', 'en']),
  channel: z.enum(channels),
  network: z.string().nullable(),
  subject: z.string().nullable(),
  body: z.string(),
  editor: Actor.describe('Who wrote the current text'),
  created_at: z.string(),
  updated_at: z.string(),
  version: z.number(),
  findings: z.array(Finding),
});
const Review = z.object({
  id: z.string(),
  variant_id: z.string().nullable(),
  kind: z.enum(['request', 'approve', 'request_changes', 'comment']),
  body: z.string().nullable(),
  override_reason: z.string().nullable(),
  overridden_rules: z.array(z.string()),
  content_hash: z.string(),
  current: z.boolean().describe('Given on the content as it is now'),
  actor: Actor,
  at: z.string(),
});
const ReviewState = z.enum(['draft', 'in_review', 'changes_requested', 'approved', 'published']);
const Message = z.object({
  id: z.string(),
  incident_id: z.string(),
  stage: z.enum(stages),
  state: z.enum(['draft', 'in_review', 'published']),
  review_state: ReviewState.describe('Derived from the reviews of the current content'),
  four_eyes: z.boolean(),
  content_hash: z.string().describe('sha256 of the next update time and every variant: approvals are bound to it'),
  next_update_at: z.string().nullable(),
  notify_subscribers: z.boolean(),
  emergency: z.boolean().describe('Published without review'),
  emergency_reason: z.string().nullable(),
  author: Actor,
  created_at: z.string(),
  updated_at: z.string(),
  published_at: z.string().nullable(),
  published_by_name: z.string().nullable(),
  incident_update_id: z.string().nullable(),
  version: z.number(),
  variants: z.array(Variant),
  reviews: z.array(Review),
});
const EditedVariant = Variant.extend({
  message: z.object({ id: z.string(), state: z.enum(['draft', 'in_review', 'published']), review_state: ReviewState, content_hash: z.string(), version: z.number() }),
  approval_voided: z.boolean().describe('The message was approved and this edit voided it'),
});
const Published = Message.extend({
  incident_update: IncidentUpdate.nullable().describe('The status page update, when the message had status-page variants'),
  deliveries: z.record(z.enum(deliveryChannels), z.number()).describe('Recipients per channel queued for delivery; follow them at /api/admin/messages/{messageId}/deliveries'),
  said: z.number().describe('Variants recorded as said in the fact sheet'),
  promise_id: z.string().nullable(),
  settled_promises: z.object({ kept: z.number(), broken: z.number() }),
});

const MessageParam = z.object({ messageId: z.string().max(64) });
const VariantParams = z.object({ messageId: z.string().max(64), variantId: z.string().max(64) });
const notFound = { 404: { description: 'No such incident, message or variant' } };
const conflict = { 409: { description: 'Published already, not approved, four-eyes, or error-level findings (listed in `errors[]`)' } };
const stale = { 412: { description: 'If-Match is stale' } };
const optionalBody = <S extends z.ZodType>(schema: S) => ({ body: { content: { 'application/json': { schema } }, required: false } }) as const;

export function registerMessageRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    adminRoute('message.write', {
      method: 'post', path: '/api/admin/incidents/{id}/messages', tags, summary: 'Draft a message: one variant per audience × language × channel, from templates filled from the fact sheet',
      request: { params: IdParam, ...jsonBody(CreateMessageInput) },
      responses: { 201: ok(Message, 'The message'), ...problemResponses, ...notFound },
    }),
    async (c) => idempotent(c, ctxOf(c), (ctx) => createMessage({ ctx, incidentId: c.req.valid('param').id, input: c.req.valid('json') })),
  );
  app.openapi(
    adminRoute('facts.read', {
      method: 'get', path: '/api/admin/incidents/{id}/messages', tags, summary: 'An incident\'s messages, newest first, with variants, findings and review state',
      request: { params: IdParam },
      responses: { 200: ok(z.object({ messages: z.array(Message) }), 'Messages'), ...problemResponses, ...notFound },
    }),
    async (c) => c.json(await listMessages({ ctx: ctxOf(c), incidentId: c.req.valid('param').id }), 200),
  );
  app.openapi(
    adminRoute('facts.read', {
      method: 'get', path: '/api/admin/messages/{messageId}', tags, summary: 'A message with its variants, their findings, its reviews and review state',
      request: { params: MessageParam },
      responses: { 200: ok(Message, 'The message (ETag: its version)'), ...problemResponses, ...notFound },
    }),
    async (c) => versioned(c, await getMessage({ ctx: ctxOf(c), id: c.req.valid('param').messageId })),
  );
  app.openapi(
    adminRoute('message.write', {
      method: 'patch', path: '/api/admin/messages/{messageId}', tags, summary: 'Change the promised next update (the texts follow) or whether subscribers are notified',
      request: { params: MessageParam, ...jsonBody(EditMessageInput) },
      responses: { 200: ok(Message, 'The message'), ...problemResponses, ...notFound, ...conflict, ...stale },
    }),
    async (c) => versioned(c, await editMessage({ ctx: ctxOf(c), messageId: c.req.valid('param').messageId, input: c.req.valid('json'), expectedVersion: expectedVersion(c) })),
  );
  app.openapi(
    adminRoute('message.write', {
      method: 'post', path: '/api/admin/messages/{messageId}/variants', tags, summary: 'Add a variant, drafted from its template',
      request: { params: MessageParam, ...jsonBody(AddVariantInput) },
      responses: { 201: ok(Variant, 'The variant'), ...problemResponses, ...notFound, ...conflict },
    }),
    async (c) => versioned(c, await addVariant({ ctx: ctxOf(c), messageId: c.req.valid('param').messageId, input: c.req.valid('json') }), 201),
  );
  app.openapi(
    adminRoute('message.write', {
      method: 'patch', path: '/api/admin/messages/{messageId}/variants/{variantId}', tags, summary: 'Rewrite a variant; an approval given before no longer counts',
      request: { params: VariantParams, ...jsonBody(EditVariantInput) },
      responses: { 200: ok(EditedVariant, 'The variant (ETag: its version) and where the message stands'), ...problemResponses, ...notFound, ...conflict, ...stale },
    }),
    async (c) => {
      const { messageId, variantId } = c.req.valid('param');
      return versioned(c, await editVariant({ ctx: ctxOf(c), messageId, variantId, input: c.req.valid('json'), expectedVersion: expectedVersion(c) }));
    },
  );
  app.openapi(
    adminRoute('message.write', {
      method: 'delete', path: '/api/admin/messages/{messageId}/variants/{variantId}', tags, summary: 'Remove a variant (a message keeps at least one)',
      request: { params: VariantParams },
      responses: { 204: { description: 'Removed' }, ...problemResponses, ...notFound, ...conflict },
    }),
    async (c) => {
      const { messageId, variantId } = c.req.valid('param');
      await removeVariant({ ctx: ctxOf(c), messageId, variantId });
      return c.body(null, 204);
    },
  );
  app.openapi(
    adminRoute('message.write', {
      method: 'post', path: '/api/admin/messages/{messageId}/review-requests', tags, summary: 'Ask for review of the message as it is now',
      request: { params: MessageParam, ...optionalBody(RequestReviewInput) },
      responses: { 201: ok(Message, 'The message, in review'), ...problemResponses, ...notFound, ...conflict },
    }),
    async (c) => c.json(await requestReview({ ctx: ctxOf(c), messageId: c.req.valid('param').messageId, input: c.req.valid('json') }), 201),
  );
  app.openapi(
    adminRoute('message.review', {
      method: 'post', path: '/api/admin/messages/{messageId}/comments', tags, summary: 'Comment on a message or one of its variants; neither approves nor blocks',
      request: { params: MessageParam, ...jsonBody(CommentOnMessageInput) },
      responses: { 201: ok(Message, 'The message'), ...problemResponses, ...notFound, ...conflict },
    }),
    async (c) => c.json(await commentOnMessage({ ctx: ctxOf(c), messageId: c.req.valid('param').messageId, input: c.req.valid('json') }), 201),
  );
  app.openapi(
    adminRoute('message.review', {
      method: 'post', path: '/api/admin/messages/{messageId}/approvals', tags, summary: 'Approve the current content; error-level findings need an override_reason',
      request: { params: MessageParam, ...optionalBody(ApproveMessageInput) },
      responses: { 201: ok(Message, 'The message'), ...problemResponses, ...notFound, ...conflict },
    }),
    async (c) => c.json(await approveMessage({ ctx: ctxOf(c), messageId: c.req.valid('param').messageId, input: c.req.valid('json') }), 201),
  );
  app.openapi(
    adminRoute('message.review', {
      method: 'post', path: '/api/admin/messages/{messageId}/change-requests', tags, summary: 'Ask for changes, saying which',
      request: { params: MessageParam, ...jsonBody(RequestChangesInput) },
      responses: { 201: ok(Message, 'The message'), ...problemResponses, ...notFound, ...conflict },
    }),
    async (c) => c.json(await requestChanges({ ctx: ctxOf(c), messageId: c.req.valid('param').messageId, input: c.req.valid('json') }), 201),
  );
  app.openapi(
    adminRoute('message.publish', {
      method: 'post', path: '/api/admin/messages/{messageId}/publish', tags, summary: 'Publish an approved message: the status page now, every subscriber and channel queued in the same transaction',
      request: { params: MessageParam },
      responses: { 200: ok(Published, 'The published message, its incident update and the deliveries queued per channel'), ...problemResponses, ...notFound, ...conflict },
    }),
    async (c) => c.json(await publishMessage({ ctx: ctxOf(c), messageId: c.req.valid('param').messageId }), 200),
  );
  app.openapi(
    adminRoute('message.publish_emergency', {
      method: 'post', path: '/api/admin/messages/{messageId}/emergency-publish', tags, summary: 'Publish without review, with a reason; flagged on the message and in the audit log',
      request: { params: MessageParam, ...jsonBody(EmergencyPublishInput) },
      responses: { 200: ok(Published, 'The published message, flagged'), ...problemResponses, ...notFound, ...conflict },
    }),
    async (c) => c.json(await emergencyPublishMessage({ ctx: ctxOf(c), messageId: c.req.valid('param').messageId, input: c.req.valid('json') }), 200),
  );
  app.openapi(
    adminRoute('incident.read', {
      method: 'post', path: '/api/admin/lint', tags: ['Linter'], summary: 'Lint a text as it is typed, against the doctrine, the workspace\'s rules and an incident\'s facts',
      request: jsonBody(LintDraftInput),
      responses: { 200: ok(z.object({ findings: z.array(Finding) }), 'Findings, sorted by field and position'), ...problemResponses, ...notFound },
    }),
    async (c) => c.json(await lintDraft({ ctx: ctxOf(c), input: c.req.valid('json') }), 200),
  );
}
