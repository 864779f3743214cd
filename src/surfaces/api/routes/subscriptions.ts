import { z } from 'zod';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { InvalidError, TocsinError } from '../../../domain/errors.ts';
import { ListSubscribersInput, listSubscribers } from '../../../services/subscriptions/list-subscribers.ts';
import { getSubscriber } from '../../../services/subscriptions/get-subscriber.ts';
import { AddSubscriberInput, addSubscriber } from '../../../services/subscriptions/add-subscriber.ts';
import { UpdateSubscriberInput, updateSubscriber } from '../../../services/subscriptions/update-subscriber.ts';
import { deleteSubscriber } from '../../../services/subscriptions/delete-subscriber.ts';
import { countSubscribers } from '../../../services/subscriptions/count-subscribers.ts';
import { openSubscriberImport, type ImportProgress } from '../../../services/subscriptions/import-subscribers.ts';
import { ExportSubscribersInput, exportSubscribers } from '../../../services/subscriptions/export-subscribers.ts';
import { ListSuppressionsInput, listSuppressions } from '../../../services/subscriptions/list-suppressions.ts';
import { AddSuppressionInput, addSuppression } from '../../../services/subscriptions/add-suppression.ts';
import { RemoveSuppressionInput, removeSuppression } from '../../../services/subscriptions/remove-suppression.ts';
import { RecordFeedbackInput, recordFeedback } from '../../../services/subscriptions/record-feedback.ts';
import { adminRoute, ctxOf } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { expectedVersion, idempotent, IdParam, jsonBody, ok, problemResponses, versioned } from '../http.ts';
import { toProblem } from '../problem.ts';

const tags = ['Subscribers'];

/** The largest CSV an import reads, counted as it streams in (the rest of /api/ stops at 1 MB). */
export const maxImportBytes = 200 * 1_048_576;
const importPath = /^\/api\/admin\/pages\/[^/]+\/subscribers\/import$/;

/** Whether a request's body streams to its route, past the API's usual body limit. */
export function isStreamedUpload(path: string): boolean {
  return importPath.test(path);
}

const channel = z.enum(['email', 'sms', 'webhook']);
const state = z.enum(['pending', 'active', 'unsubscribed']);
const Subscriber = z.object({
  id: z.string(),
  page_id: z.string(),
  channel,
  address: z.string().describe('E-mail lower-cased, phone in E.164, or the webhook URL'),
  language: z.enum(['fr', 'en']),
  all_components: z.boolean(),
  component_ids: z.array(z.string()).describe('Empty when all_components'),
  segments: z.array(z.string()).describe('Customer segments ("pro", "public-sector"), lower-case: what a compensation gesture\'s eligibility names'),
  state,
  source: z.enum(['self', 'admin', 'import']),
  disabled_at: z.string().nullable().describe('Set by the workers after repeated failures (webhooks)'),
  disabled_reason: z.string().nullable(),
  created_at: z.string(),
  confirmed_at: z.string().nullable(),
  unsubscribed_at: z.string().nullable(),
  updated_at: z.string(),
  version: z.number(),
});
const SubscriberWithSuppression = Subscriber.extend({ suppressed: z.enum(['bounce', 'complaint', 'manual']).nullable().describe('Why nothing goes to this address, if it is suppressed') });
const SubscriberWithSecret = Subscriber.extend({ webhook_secret: z.string().optional().describe('Webhooks: the signing secret (whsec_…), in this answer only') });
const Counts = z.object({
  total: z.number(),
  by_channel: z.record(channel, z.record(state, z.number())),
});
const Progress = z.object({ rows: z.number(), imported: z.number(), existing: z.number(), rejected: z.number() });
const ImportReport = Progress.extend({ errors: z.array(z.object({ row: z.number().describe('Line of the file'), reason: z.string() })).describe('The first 1,000 rejected rows') });
const Suppression = z.object({
  channel: z.enum(['email', 'sms']),
  address: z.string(),
  reason: z.enum(['bounce', 'complaint', 'manual']),
  detail: z.string().nullable(),
  created_at: z.string(),
});
const PageParam = z.object({ pageId: z.string().max(64) });
const pageNotFound = { 404: { description: 'No such status page' } };
const notFound = { 404: { description: 'No such subscriber' } };
const stale = { 412: { description: 'If-Match is stale' } };

export function registerSubscriptionRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    adminRoute('subscribers.read', {
      method: 'get', path: '/api/admin/pages/{pageId}/subscribers', tags, summary: 'A page\'s subscribers, newest first (keyset pages), by channel, state or part of the address',
      request: { params: PageParam, query: ListSubscribersInput },
      responses: { 200: ok(z.object({ subscribers: z.array(SubscriberWithSuppression), next_cursor: z.string().nullable() }), 'A page of subscribers'), ...problemResponses, ...pageNotFound },
    }),
    async (c) => c.json(await listSubscribers({ ctx: ctxOf(c), pageId: c.req.valid('param').pageId, input: c.req.valid('query') }), 200),
  );
  app.openapi(
    adminRoute('subscribers.manage', {
      method: 'post', path: '/api/admin/pages/{pageId}/subscribers', tags, summary: 'Add a subscriber, active at once (you assert their consent); a webhook\'s secret is returned this once',
      request: { params: PageParam, ...jsonBody(AddSubscriberInput) },
      responses: { 201: ok(SubscriberWithSecret, 'The subscriber'), ...problemResponses, ...pageNotFound, 409: { description: 'The page already has this address on this channel' } },
    }),
    async (c) => idempotent(c, ctxOf(c), (ctx) => addSubscriber({ ctx, pageId: c.req.valid('param').pageId, input: c.req.valid('json') })),
  );
  app.openapi(
    adminRoute('subscribers.read', {
      method: 'get', path: '/api/admin/pages/{pageId}/subscribers/counts', tags, summary: 'How many subscribers the page has, per channel and state',
      request: { params: PageParam },
      responses: { 200: ok(Counts, 'Counts'), ...problemResponses, ...pageNotFound },
    }),
    async (c) => c.json(await countSubscribers({ ctx: ctxOf(c), pageId: c.req.valid('param').pageId }), 200),
  );
  app.openapi(
    adminRoute('subscribers.manage', {
      method: 'post', path: '/api/admin/pages/{pageId}/subscribers/import', tags,
      summary: 'Import subscribers from CSV (email | phone | webhook_url, language, components), streamed, up to 200 MB; with Accept: application/x-ndjson, one progress line per 1,000 rows then the report',
      request: { params: PageParam, body: { content: { 'text/csv': { schema: z.string() } }, required: true } },
      responses: {
        200: { content: { 'application/json': { schema: ImportReport }, 'application/x-ndjson': { schema: z.string().describe('{"type":"progress",…} lines, then {"type":"report",…} or {"type":"error","problem":{…}}') } }, description: 'The report: imported, existing, rejected rows with their line and reason' },
        ...problemResponses,
        ...pageNotFound,
        413: { description: 'The file is larger than 200 MB' },
      },
    }),
    async (c) => {
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'text/csv' && type !== 'text/plain') {
        throw new InvalidError('Send the file as the request body with Content-Type: text/csv.', [{ pointer: '/headers/content-type', detail: `expected text/csv, got "${type || 'nothing'}"` }], 'csv-expected');
      }
      const length = Number(c.req.header('content-length') ?? 0);
      if (length > maxImportBytes) throw tooLarge();
      const run = await openSubscriberImport({ ctx: ctxOf(c), pageId: c.req.valid('param').pageId });
      const source = limitBytes(c.req.raw.body);
      if (!(c.req.header('accept') ?? '').includes('application/x-ndjson')) return c.json(await run(source), 200);
      return c.body(ndjsonProgress(c, (onProgress) => run(source, onProgress)), 200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' });
    },
  );
  app.openapi(
    adminRoute('subscribers.manage', {
      method: 'get', path: '/api/admin/pages/{pageId}/subscribers/export', tags, summary: 'The page\'s subscribers as CSV, streamed; the columns the import reads, then state, source and dates',
      request: { params: PageParam, query: ExportSubscribersInput },
      responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV, UTF-8, a header row first' }, ...problemResponses, ...pageNotFound },
    }),
    async (c) => {
      const { pageId } = c.req.valid('param');
      const chunks = await exportSubscribers({ ctx: ctxOf(c), pageId, input: c.req.valid('query') });
      return c.body(textStream(chunks), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="subscribers-${pageId}.csv"`,
        'cache-control': 'no-store',
      });
    },
  );

  app.openapi(
    adminRoute('subscribers.read', {
      method: 'get', path: '/api/admin/subscribers/{id}', tags, summary: 'Get a subscriber',
      request: { params: IdParam },
      responses: { 200: ok(SubscriberWithSuppression, 'The subscriber (ETag: its version)'), ...problemResponses, ...notFound },
    }),
    async (c) => versioned(c, await getSubscriber({ ctx: ctxOf(c), id: c.req.valid('param').id })),
  );
  app.openapi(
    adminRoute('subscribers.manage', {
      method: 'patch', path: '/api/admin/subscribers/{id}', tags, summary: 'Edit a subscriber: language, components, state (active confirms, unsubscribed stops), switch back on, rotate a webhook secret',
      request: { params: IdParam, ...jsonBody(UpdateSubscriberInput) },
      responses: { 200: ok(SubscriberWithSecret, 'The subscriber (ETag: its version)'), ...problemResponses, ...notFound, 409: { description: 'An unsubscribed person subscribes again themselves' }, ...stale },
    }),
    async (c) => versioned(c, await updateSubscriber({ ctx: ctxOf(c), id: c.req.valid('param').id, input: c.req.valid('json'), expectedVersion: expectedVersion(c) })),
  );
  app.openapi(
    adminRoute('subscribers.manage', {
      method: 'delete', path: '/api/admin/subscribers/{id}', tags, summary: 'Erase a subscriber (GDPR): the row goes, past deliveries keep no address',
      request: { params: IdParam },
      responses: { 204: { description: 'Erased' }, ...problemResponses, ...notFound, ...stale },
    }),
    async (c) => {
      await deleteSubscriber({ ctx: ctxOf(c), id: c.req.valid('param').id, expectedVersion: expectedVersion(c) });
      return c.body(null, 204);
    },
  );

  app.openapi(
    adminRoute('subscribers.read', {
      method: 'get', path: '/api/admin/suppressions', tags, summary: 'Addresses nothing is sent to (bounce, complaint, manual), by channel then address (keyset pages)',
      request: { query: ListSuppressionsInput },
      responses: { 200: ok(z.object({ suppressions: z.array(Suppression), next_cursor: z.string().nullable() }), 'A page of suppressions'), ...problemResponses },
    }),
    async (c) => c.json(await listSuppressions({ ctx: ctxOf(c), input: c.req.valid('query') }), 200),
  );
  app.openapi(
    adminRoute('subscribers.manage', {
      method: 'post', path: '/api/admin/suppressions', tags, summary: 'Suppress an address on every page of the workspace',
      request: jsonBody(AddSuppressionInput),
      responses: { 201: ok(Suppression, 'The suppression'), ...problemResponses, 409: { description: 'Already suppressed' } },
    }),
    async (c) => idempotent(c, ctxOf(c), (ctx) => addSuppression({ ctx, input: c.req.valid('json') })),
  );
  app.openapi(
    adminRoute('subscribers.manage', {
      method: 'post', path: '/api/admin/suppressions/feedback', tags,
      summary: 'Bounces and complaints a relay or SMS provider reports after sending: hard bounces and complaints suppress the address, the delivery named by its Message-ID is marked failed; the same report twice changes nothing',
      request: jsonBody(RecordFeedbackInput),
      responses: {
        200: ok(z.object({ received: z.number(), suppressed: z.number(), ignored: z.number().describe('Soft bounces'), deliveries_failed: z.number(), rejected: z.array(z.object({ index: z.number(), reason: z.string() })) }), 'What the report changed'),
        ...problemResponses,
      },
    }),
    async (c) => c.json(await recordFeedback({ ctx: ctxOf(c), input: c.req.valid('json') }), 200),
  );
  app.openapi(
    adminRoute('subscribers.manage', {
      method: 'delete', path: '/api/admin/suppressions', tags, summary: 'Let messages go to an address again',
      request: { query: RemoveSuppressionInput },
      responses: { 204: { description: 'Removed' }, ...problemResponses, 404: { description: 'The address is not suppressed' } },
    }),
    async (c) => {
      await removeSuppression({ ctx: ctxOf(c), input: c.req.valid('query') });
      return c.body(null, 204);
    },
  );
}

function tooLarge(): TocsinError {
  return new TocsinError('limit_exceeded', 'body-too-large', `The file is larger than ${maxImportBytes / 1_048_576} MB: split it and import the parts.`);
}

/** The request body as it arrives, refused once it passes `maxImportBytes` (a chunked body has no length up front). */
async function* limitBytes(body: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      total += value.byteLength;
      if (total > maxImportBytes) throw tooLarge();
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * An import answered as it goes: a JSON line per batch, then the report. The status is already 200
 * when a late error happens, so it comes as a last line holding the problem.
 */
function ndjsonProgress(c: Context<AppEnv>, run: (onProgress: (progress: ImportProgress) => void) => Promise<object>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const line = (value: object) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      try {
        line({ type: 'report', ...(await run((progress) => line({ type: 'progress', ...progress }))) });
      } catch (error) {
        const { problem } = toProblem(error, c.var.requestId);
        if (problem.status >= 500) c.var.deps.logger.error({ requestId: c.var.requestId, err: error }, 'subscriber import failed');
        line({ type: 'error', problem });
      }
      controller.close();
    },
  });
}

/** Text produced as it is read, sent as it comes; a client that leaves stops the reading. */
function textStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
