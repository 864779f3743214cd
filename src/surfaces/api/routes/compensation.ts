import { z } from 'zod';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { compensationKinds, gestureStates, periodUnits } from '../../../domain/compensation/gesture.ts';
import { DefineGestureInput, defineGesture } from '../../../services/compensation/define-gesture.ts';
import { EditGestureInput, editGesture } from '../../../services/compensation/edit-gesture.ts';
import { getGesture, listGestures } from '../../../services/compensation/list-gestures.ts';
import { CountEligibleQuery, countEligible, countGestureEligible } from '../../../services/compensation/count-eligible.ts';
import { exportEligible } from '../../../services/compensation/export-eligible.ts';
import { announceGesture } from '../../../services/compensation/announce-gesture.ts';
import { startDelivery } from '../../../services/compensation/start-delivery.ts';
import { markDelivered } from '../../../services/compensation/mark-delivered.ts';
import { CancelGestureInput, cancelGesture } from '../../../services/compensation/cancel-gesture.ts';
import { listSegments } from '../../../services/compensation/list-segments.ts';
import { adminRoute, ctxOf } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { expectedVersion, idempotent, IdParam, jsonBody, ok, problemResponses, versioned } from '../http.ts';

const tags = ['Compensation'];

const Texts = z.object({ fr: z.string(), en: z.string() });
const Gesture = z.object({
  id: z.string(),
  incident_id: z.string(),
  kind: z.enum(compensationKinds),
  amount: z.number().nullable().describe('In the currency\'s major unit (20.5 = €20.50)'),
  currency: z.string().nullable(),
  period_count: z.number().nullable(),
  period_unit: z.enum(periodUnits).nullable(),
  description: Texts,
  offer: Texts.describe('The gesture in words ("un avoir de 20 €", "six months free")'),
  component_ids: z.array(z.string()).describe('Eligible: subscribers of these components; empty: of any'),
  segments: z.array(z.string()).describe('Eligible: subscribers in one of these segments; empty: any'),
  covered_from: z.string(),
  covered_to: z.string().describe('Eligible: subscribed before this'),
  due_at: z.string().nullable().describe('When it will have been delivered: the promise\'s due time'),
  state: z.enum(gestureStates),
  message_id: z.string().nullable().describe('The announcement (a message of stage compensation)'),
  promise: z
    .object({ id: z.string(), state: z.string(), due_at: z.string().nullable(), overdue: z.boolean(), state_reason: z.string().nullable() })
    .nullable()
    .describe('The fact-sheet promise its published announcement recorded'),
  announced_at: z.string().nullable(),
  delivery_started_at: z.string().nullable(),
  delivered_at: z.string().nullable(),
  cancelled_at: z.string().nullable(),
  cancel_reason: z.string().nullable(),
  author: z.object({ type: z.enum(['user', 'token', 'system']), id: z.string().nullable(), name: z.string() }),
  created_at: z.string(),
  updated_at: z.string(),
  version: z.number().describe('ETag'),
});
const Count = z.object({ total: z.number().describe('People: one per address'), email: z.number(), sms: z.number() });
const GestureParams = z.object({ id: z.string().max(64), gestureId: z.string().max(64) });
const notFound = { 404: { description: 'No such incident, or no such gesture on it' } };
const stale = { 412: { description: 'If-Match is stale' } };
const conflict = { 409: { description: 'Not possible in the gesture\'s state' } };
const base = '/api/admin/incidents/{id}/compensation';

export function registerCompensationRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    adminRoute('incident.read', {
      method: 'get', path: base, tags, summary: 'The incident\'s compensation gestures, each with its promise\'s state',
      request: { params: IdParam },
      responses: { 200: ok(z.object({ gestures: z.array(Gesture) }), 'The gestures, oldest first'), ...problemResponses, ...notFound },
    }),
    async (c) => c.json(await listGestures({ ctx: ctxOf(c), incidentId: c.req.valid('param').id }), 200),
  );
  app.openapi(
    adminRoute('compensation.manage', {
      method: 'post', path: base, tags, summary: 'Define a gesture (credit, free days or months, refund) and who is eligible; a draft until announced',
      request: { params: IdParam, ...jsonBody(DefineGestureInput) },
      responses: { 201: ok(Gesture, 'The gesture (ETag: its version)'), ...problemResponses, ...notFound },
    }),
    async (c) => idempotent(c, ctxOf(c), (ctx) => defineGesture({ ctx, incidentId: c.req.valid('param').id, input: c.req.valid('json') })),
  );
  app.openapi(
    adminRoute('compensation.manage', {
      method: 'get', path: `${base}/eligible/count`, tags, summary: 'How many people a gesture with this eligibility would reach, per channel (one per address)',
      request: { params: IdParam, query: CountEligibleQuery },
      responses: { 200: ok(Count, 'The count'), ...problemResponses, ...notFound },
    }),
    async (c) => c.json(await countEligible({ ctx: ctxOf(c), incidentId: c.req.valid('param').id, input: c.req.valid('query') }), 200),
  );
  app.openapi(
    adminRoute('compensation.manage', {
      method: 'get', path: '/api/admin/compensation/segments', tags, summary: 'The customer segments subscribers are in, with how many confirmed subscribers each',
      responses: { 200: ok(z.object({ segments: z.array(z.object({ segment: z.string(), subscribers: z.number() })) }), 'The segments'), ...problemResponses },
    }),
    async (c) => c.json(await listSegments({ ctx: ctxOf(c) }), 200),
  );
  app.openapi(
    adminRoute('incident.read', {
      method: 'get', path: `${base}/{gestureId}`, tags, summary: 'A gesture',
      request: { params: GestureParams },
      responses: { 200: ok(Gesture, 'The gesture (ETag: its version)'), ...problemResponses, ...notFound },
    }),
    async (c) => versioned(c, await getGesture({ ctx: ctxOf(c), incidentId: c.req.valid('param').id, gestureId: c.req.valid('param').gestureId })),
  );
  app.openapi(
    adminRoute('compensation.manage', {
      method: 'patch', path: `${base}/{gestureId}`, tags, summary: 'Edit a draft gesture (If-Match: its version)',
      request: { params: GestureParams, ...jsonBody(EditGestureInput) },
      responses: { 200: ok(Gesture, 'The gesture'), ...problemResponses, ...notFound, ...conflict, ...stale },
    }),
    async (c) => {
      const { id, gestureId } = c.req.valid('param');
      return versioned(c, await editGesture({ ctx: ctxOf(c), incidentId: id, gestureId, input: c.req.valid('json'), expectedVersion: expectedVersion(c) }));
    },
  );
  app.openapi(
    adminRoute('compensation.manage', {
      method: 'get', path: `${base}/{gestureId}/eligible/count`, tags, summary: 'How many people the gesture reaches, per channel',
      request: { params: GestureParams },
      responses: { 200: ok(Count, 'The count'), ...problemResponses, ...notFound },
    }),
    async (c) => c.json(await countGestureEligible({ ctx: ctxOf(c), incidentId: c.req.valid('param').id, gestureId: c.req.valid('param').gestureId }), 200),
  );
  app.openapi(
    // Bulk personal data: declared with subscribers.manage (whoever holds it may also manage compensation).
    adminRoute('subscribers.manage', {
      method: 'get', path: `${base}/{gestureId}/eligible.csv`, tags,
      summary: 'The eligible customers as CSV, streamed (one row per address); X-Eligible-Count gives the rows to expect, for a progress bar. Needs compensation.manage too',
      request: { params: GestureParams },
      responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV, UTF-8: email, phone, language, segments, subscribed_at, gesture_id' }, ...problemResponses, ...notFound },
    }),
    async (c) => {
      const { id, gestureId } = c.req.valid('param');
      const { total, chunks } = await exportEligible({ ctx: ctxOf(c), incidentId: id, gestureId });
      return c.body(csvStream(chunks), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="compensation-${gestureId}.csv"`,
        'cache-control': 'no-store',
        'x-eligible-count': String(total),
        'access-control-expose-headers': 'X-Eligible-Count',
      });
    },
  );
  const step = (path: string, summary: string, run: typeof announceGesture) =>
    app.openapi(
      adminRoute('compensation.manage', {
        method: 'post', path: `${base}/{gestureId}/${path}`, tags, summary,
        request: { params: GestureParams },
        responses: { 200: ok(Gesture, 'The gesture'), ...problemResponses, ...notFound, ...conflict, ...stale },
      }),
      async (c) => {
        const { id, gestureId } = c.req.valid('param');
        return versioned(c, await run({ ctx: ctxOf(c), incidentId: id, gestureId, expectedVersion: expectedVersion(c) }));
      },
    );
  step('announce', 'Draft the public announcement (a message of stage compensation, FR and EN, status page and e-mail); publishing it records the promise. Needs a due_at', announceGesture);
  step('delivering', 'Mark the gesture as being applied', startDelivery);
  step('delivered', 'Mark the gesture delivered: its promise is kept, or broken if later than due', markDelivered);
  app.openapi(
    adminRoute('compensation.manage', {
      method: 'post', path: `${base}/{gestureId}/cancel`, tags, summary: 'Cancel a gesture; once announced, with a reason: its promise is dropped',
      request: { params: GestureParams, ...jsonBody(CancelGestureInput) },
      responses: { 200: ok(Gesture, 'The gesture'), ...problemResponses, ...notFound, ...conflict, ...stale },
    }),
    async (c) => {
      const { id, gestureId } = c.req.valid('param');
      return versioned(c, await cancelGesture({ ctx: ctxOf(c), incidentId: id, gestureId, input: c.req.valid('json'), expectedVersion: expectedVersion(c) }));
    },
  );
}

/** The CSV as it is read, sent as it comes; a client that leaves stops the reading. */
function csvStream(chunks: AsyncIterable<{ csv: string }>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value.csv));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
