import { z } from 'zod';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { breachGapCodes, exemptionCodes } from '../../../domain/clocks/breach-register.ts';
import {
  CreateBreachRecordInput, createBreachRecord, ExportBreachRegisterInput, exportBreachRegister, getBreachRegister,
  UpdateBreachRecordInput, updateBreachRecord, UpdateIncidentBreachRecordInput, updateIncidentBreachRecord,
} from '../../../services/regulatory/breach-register.ts';
import { draftControllerNotice } from '../../../services/regulatory/controller-notices.ts';
import {
  CreateDataControllerInput, createDataController, deleteDataController, getDataController, listDataControllers, UpdateDataControllerInput, updateDataController,
} from '../../../services/regulatory/data-controllers.ts';
import { adminRoute, ctxOf } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { expectedVersion, IdParam, jsonBody, ok, problemResponses, versioned } from '../http.ts';

const tags = ['Breach register'];
const risk = z.enum(['unlikely', 'risk', 'high']);
const Entry = z.object({
  id: z.string().nullable().describe('The breach record; null for a flagged incident nobody has written a record for yet'),
  incident_id: z.string().nullable().describe('Null for a breach with no incident'),
  incident_name: z.string().nullable(),
  title: z.string(),
  aware_at: z.string().nullable().describe('An incident\'s aware_at_gdpr, from its regulatory record'),
  aware_basis: z.string().nullable(),
  description: z.string().nullable().describe('The facts: what happened, cause and sequence of events'),
  data_categories: z.array(z.string()),
  special_categories: z.boolean(),
  subjects_approx: z.number().nullable().describe('An incident\'s defaults to the fact sheet\'s affected_people'),
  records_approx: z.number().nullable().describe('An incident\'s defaults to the fact sheet\'s records'),
  consequences: z.string().nullable(),
  measures: z.string().nullable(),
  risk: risk.nullable().describe('An incident\'s, from its regulatory record'),
  risk_rationale: z.string().nullable(),
  exemptions: z.array(z.object({ code: z.enum(exemptionCodes), justification: z.string() })).describe('GDPR Art. 34(3): (a) encrypted, (b) subsequent_measures, (c) disproportionate_effort'),
  decision_notes: z.string().nullable(),
  decision: z.object({
    risk_assessed: z.boolean(),
    notify_authority: z.boolean(),
    data_subjects_required: z.boolean().describe('High risk: the people concerned are to be told'),
    inform_data_subjects: z.boolean().describe('Still to be told once exemptions are taken into account'),
    data_subjects_waived_by: z.enum(exemptionCodes).nullable(),
    public_communication: z.boolean().describe('Art. 34(3)(c): a public communication instead'),
  }).describe('Derived from the risk and the exemptions, never stored'),
  done: z.object({
    authority_notified_at: z.string().nullable(),
    authority_ref: z.string().nullable(),
    data_subjects_informed_at: z.string().nullable(),
    controllers_notified_at: z.string().nullable().describe('Processor: when its controllers were told'),
  }).describe('An incident\'s, from its reports filed (POST /api/admin/incidents/{id}/regulatory/submissions)'),
  gaps: z.array(z.object({ code: z.enum(breachGapCodes), message: z.object({ en: z.string(), fr: z.string() }) })),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
  updated_by: z.string().nullable(),
  version: z.number().describe('0 while the incident has no record'),
});
const DataController = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  language: z.enum(['fr', 'en']),
  all_components: z.boolean(),
  component_ids: z.array(z.string()).describe('Empty when all_components'),
  active: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
  version: z.number(),
});
const DraftedMessage = z.looseObject({
  id: z.string(),
  incident_id: z.string(),
  stage: z.literal('breach_notice'),
  state: z.enum(['draft', 'in_review', 'published']),
  notify_subscribers: z.literal(false),
  variants: z.array(z.looseObject({ id: z.string(), audience: z.literal('controllers'), language: z.enum(['fr', 'en']), channel: z.literal('email'), subject: z.string().nullable(), body: z.string() })),
}).describe('A message as GET /api/admin/messages/{messageId} shows it');
const notFound = { 404: { description: 'No such breach record, incident or data controller' } };
const stale = { 412: { description: 'If-Match is stale' } };

export function registerBreachRegisterRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    adminRoute('regulatory.read', {
      method: 'get', path: '/api/admin/breach-register', tags,
      summary: 'The breach register (GDPR Art. 33(5)): every personal-data breach, notified or not — flagged incidents and standalone records — with the decision, what was done and what is missing',
      responses: { 200: ok(z.object({ entries: z.array(Entry), as_of: z.string() }), 'Newest first'), ...problemResponses },
    }),
    async (c) => c.json(await getBreachRegister({ ctx: ctxOf(c) }), 200),
  );
  app.openapi(
    adminRoute('regulatory.read', {
      method: 'get', path: '/api/admin/breach-register/export', tags,
      summary: 'The register as a file: CSV (English column names, the JSON field names; lists joined with "; ") or JSON',
      request: { query: ExportBreachRegisterInput },
      responses: { 200: { content: { 'text/csv': { schema: z.string() }, 'application/json': { schema: z.object({ entries: z.array(Entry) }) } }, description: 'An attachment' }, ...problemResponses },
    }),
    async (c) => {
      const { format, body } = await exportBreachRegister({ ctx: ctxOf(c), input: c.req.valid('query') });
      return c.body(body, 200, {
        'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="breach-register.${format}"`,
        'cache-control': 'no-store',
      });
    },
  );
  app.openapi(
    adminRoute('regulatory.manage', {
      method: 'post', path: '/api/admin/breach-register', tags,
      summary: 'Register a breach with no incident (an e-mail to the wrong person); a risk level needs its rationale, an exemption its justification',
      request: jsonBody(CreateBreachRecordInput),
      responses: { 201: ok(Entry, 'The entry (ETag: its version)'), ...problemResponses },
    }),
    async (c) => versioned(c, await createBreachRecord({ ctx: ctxOf(c), input: c.req.valid('json') }), 201),
  );
  app.openapi(
    adminRoute('regulatory.manage', {
      method: 'patch', path: '/api/admin/breach-register/{id}', tags, summary: 'Edit a standalone breach record; what is left out keeps its value',
      request: { params: IdParam, ...jsonBody(UpdateBreachRecordInput) },
      responses: { 200: ok(Entry, 'The entry'), ...problemResponses, ...notFound, 409: { description: 'The record belongs to an incident: edit it there' }, ...stale },
    }),
    async (c) => versioned(c, await updateBreachRecord({ ctx: ctxOf(c), id: c.req.valid('param').id, input: c.req.valid('json'), expectedVersion: expectedVersion(c) })),
  );
  app.openapi(
    adminRoute('regulatory.manage', {
      method: 'patch', path: '/api/admin/incidents/{id}/breach-record', tags,
      summary: 'Write an incident\'s entry in the register (created on the first write); its awareness and risk stay on /regulatory',
      request: { params: IdParam, ...jsonBody(UpdateIncidentBreachRecordInput) },
      responses: { 200: ok(Entry, 'The entry (ETag: its version, 0 before the first write)'), ...problemResponses, ...notFound, 409: { description: 'The incident is not flagged as a personal-data breach' }, ...stale },
    }),
    async (c) => versioned(c, await updateIncidentBreachRecord({ ctx: ctxOf(c), incidentId: c.req.valid('param').id, input: c.req.valid('json'), expectedVersion: expectedVersion(c) })),
  );
  app.openapi(
    adminRoute('regulatory.manage', {
      method: 'post', path: '/api/admin/incidents/{id}/regulatory/controller-notices', tags,
      summary: 'Processor: draft the notice to the data controllers the breach concerns (GDPR Art. 33(2)), an e-mail per language they read, for the controllers audience; review, approve and publish it as any message',
      request: { params: IdParam },
      responses: { 201: ok(DraftedMessage, 'The drafted message'), ...problemResponses, ...notFound, 409: { description: 'Not a processor, not a personal-data breach, or no active controller concerned' } },
    }),
    async (c) => c.json(await draftControllerNotice({ ctx: ctxOf(c), incidentId: c.req.valid('param').id }), 201),
  );

  const controllerTags = ['Data controllers'];
  app.openapi(
    adminRoute('regulatory.read', {
      method: 'get', path: '/api/admin/data-controllers', tags: controllerTags, summary: 'The customers the workspace processes personal data for, by name',
      responses: { 200: ok(z.object({ data_controllers: z.array(DataController) }), 'Data controllers'), ...problemResponses },
    }),
    async (c) => c.json(await listDataControllers({ ctx: ctxOf(c) }), 200),
  );
  app.openapi(
    adminRoute('regulatory.manage', {
      method: 'post', path: '/api/admin/data-controllers', tags: controllerTags, summary: 'Add a customer to notify of a breach: their DPO\'s e-mail, their language, the components their data lives on (none: all)',
      request: jsonBody(CreateDataControllerInput),
      responses: { 201: ok(DataController, 'The data controller'), ...problemResponses, 409: { description: 'The name is taken' } },
    }),
    async (c) => versioned(c, await createDataController({ ctx: ctxOf(c), input: c.req.valid('json') }), 201),
  );
  app.openapi(
    adminRoute('regulatory.read', {
      method: 'get', path: '/api/admin/data-controllers/{id}', tags: controllerTags, summary: 'Get a data controller',
      request: { params: IdParam },
      responses: { 200: ok(DataController, 'The data controller (ETag: its version)'), ...problemResponses, ...notFound },
    }),
    async (c) => versioned(c, await getDataController({ ctx: ctxOf(c), id: c.req.valid('param').id })),
  );
  app.openapi(
    adminRoute('regulatory.manage', {
      method: 'patch', path: '/api/admin/data-controllers/{id}', tags: controllerTags, summary: 'Edit a data controller; active false keeps it on file and tells it nothing',
      request: { params: IdParam, ...jsonBody(UpdateDataControllerInput) },
      responses: { 200: ok(DataController, 'The data controller'), ...problemResponses, ...notFound, 409: { description: 'The name is taken' }, ...stale },
    }),
    async (c) => versioned(c, await updateDataController({ ctx: ctxOf(c), id: c.req.valid('param').id, input: c.req.valid('json'), expectedVersion: expectedVersion(c) })),
  );
  app.openapi(
    adminRoute('regulatory.manage', {
      method: 'delete', path: '/api/admin/data-controllers/{id}', tags: controllerTags, summary: 'Remove a data controller',
      request: { params: IdParam },
      responses: { 204: { description: 'Removed' }, ...problemResponses, ...notFound, ...stale },
    }),
    async (c) => {
      await deleteDataController({ ctx: ctxOf(c), id: c.req.valid('param').id, expectedVersion: expectedVersion(c) });
      return c.body(null, 204);
    },
  );
}
