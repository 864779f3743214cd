/**
 * The corrections routes (after the crisis): rumors of the fact sheet → the public corrections log.
 * Stable (the listening end-to-end test drives them):
 *
 *   GET  /api/admin/incidents/{id}/corrections   facts.read     the incident's rumors, each with where it
 *        stands (open | correction_pending | refuted | confirmed) and its corrections; `log`: the
 *        published ones, newest first, as the status page shows them.
 *   POST /api/admin/incidents/{id}/corrections   message.write  {rumor_id, said?, truth: {fr?, en?},
 *        channels?: ['email' | 'social'], notify_subscribers?} → 201 the correction, with `message_id`:
 *        a rumor_correction message to review, approve (four-eyes) and publish with the messages API
 *        (POST /api/admin/messages/{message_id}/approvals, then /publish). Publishing it refutes the
 *        rumor and rebuilds the status pages (incidents/<id>.html, corrections.html, corrections.json).
 *        409: rumor-confirmed, rumor-withdrawn, correction-pending, incident-not-public.
 */
import { z } from 'zod';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { CreateCorrectionInput, createCorrection } from '../../../services/corrections/create-correction.ts';
import { listCorrections } from '../../../services/corrections/list-corrections.ts';
import { adminRoute, ctxOf } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { IdParam, idempotent, jsonBody, ok, problemResponses } from '../http.ts';

const tags = ['Corrections'];

const Texts = z.object({ fr: z.string().optional(), en: z.string().optional() });
export const Correction = z.object({
  id: z.string(),
  incident_id: z.string(),
  rumor_id: z.string(),
  message_id: z.string().describe('The rumor_correction message: review, approve and publish it with the messages API'),
  message_state: z.string().describe('draft, in_review or published'),
  said: Texts.describe('What was said, per language'),
  truth: Texts.describe('What is true, as proposed'),
  published_truth: Texts.nullable().describe('What is true as published: the approved status-page text per language'),
  published_at: z.string().nullable(),
  created_by: z.string(),
  created_at: z.string(),
  version: z.number(),
});
const Rumor = z.object({
  id: z.string(),
  text: z.string(),
  source: z.string().nullable().describe('Where it was seen (internal: never on the status page)'),
  noted_at: z.string(),
  state: z.enum(['open', 'refuted', 'confirmed']),
  standing: z.enum(['open', 'correction_pending', 'refuted', 'confirmed']),
  correction: z.string().nullable().describe('The fact sheet\'s correction, set when a correction is published'),
  corrections: z.array(Correction).describe('Newest first'),
});
const CorrectionsList = z.object({
  incident_id: z.string(),
  incident: z.object({ name: z.string(), is_public: z.boolean() }),
  rumors: z.array(Rumor).describe('Withdrawn rumors left out; newest first'),
  log: z.array(Correction).describe('The published corrections, newest first'),
});
const notFound = { 404: { description: 'No such incident, or no such rumor on its fact sheet' } };
const conflict = { 409: { description: 'The rumor is confirmed or withdrawn, a correction of it is pending, or the incident is not public yet' } };

export function registerCorrectionRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    adminRoute('facts.read', {
      method: 'get', path: '/api/admin/incidents/{id}/corrections', tags, summary: 'The incident\'s rumors with their corrections, and its published corrections log',
      request: { params: IdParam },
      responses: { 200: ok(CorrectionsList, 'Rumors and corrections'), ...problemResponses, ...notFound },
    }),
    async (c) => c.json(await listCorrections({ ctx: ctxOf(c), incidentId: c.req.valid('param').id }), 200),
  );
  app.openapi(
    adminRoute('message.write', {
      method: 'post', path: '/api/admin/incidents/{id}/corrections', tags, summary: 'Write a correction of a rumor: drafts its rumor_correction message for review',
      request: { params: IdParam, ...jsonBody(CreateCorrectionInput) },
      responses: { 201: ok(Correction, 'The correction (ETag: its version)'), ...problemResponses, ...notFound, ...conflict },
    }),
    async (c) => idempotent(c, ctxOf(c), (ctx) => createCorrection({ ctx, incidentId: c.req.valid('param').id, input: c.req.valid('json') })),
  );
}
