import { z } from 'zod';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { deadlineIds } from '../../../domain/clocks/regulatory.ts';
import { getRegulatoryProfile, UpdateRegulatoryProfileInput, updateRegulatoryProfile } from '../../../services/regulatory/profile.ts';
import { getIncidentRegulatory, RecordSubmissionInput, recordSubmission, UpdateIncidentRegulatoryInput, updateIncidentRegulatory } from '../../../services/regulatory/incident-regulatory.ts';
import { getCommunicationClocks } from '../../../services/clocks/incident-clocks.ts';
import { acknowledgeAlert, ListAlertsInput, listAlerts } from '../../../services/clocks/clock-alerts.ts';
import { adminRoute, ctxOf } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { expectedVersion, IdParam, jsonBody, ok, problemResponses, versioned } from '../http.ts';

const tags = ['Regulatory clocks'];
const Alert = z.object({
  id: z.string(),
  incident_id: z.string(),
  incident_name: z.string(),
  incident_status: z.string(),
  clock: z.enum(['first_message', 'next_update']),
  step: z.enum(['reminder', 'due', 'escalation']),
  to: z.enum(['referent', 'backup_and_lead', 'executive']),
  due_at: z.string(),
  raised_at: z.string(),
  to_me: z.boolean(),
  acknowledged_at: z.string().nullable(),
  acknowledged_by: z.string().nullable(),
});
const regime = z.enum(['gdpr', 'nis2', 'dora', 'eprivacy', 'fr']);
const Profile = z.object({
  gdpr_roles: z.array(z.enum(['controller', 'processor'])),
  nis2: z.enum(['essential', 'important', 'trust_service']).nullable(),
  dora_financial_entity: z.boolean(),
  eprivacy_provider: z.boolean(),
  fr_oiv_ose: z.boolean(),
  fr_telecom_operator: z.boolean(),
  fr_health_entity: z.boolean(),
  dora_working_day_shift: z.boolean().describe('[S] a DORA deadline on a weekend or holiday moves to dora_shift_hour the next working day'),
  dora_shift_hour: z.number(),
  dora_late_classification_rule: z.boolean().describe('[U] classified major after the first 24 h: due 4 h after classification'),
  holiday_calendar: z.enum(['fr', 'none']),
  extra_holidays: z.array(z.string()),
  version: z.number().describe('0 while no regime was ever set'),
  updated_at: z.string().nullable(),
});
const Deadline = z.object({
  id: z.enum(deadlineIds),
  regime,
  report_name: z.string(),
  recipient: z.string(),
  due_at: z.string().nullable().describe('Null while waiting for its start, and for duties "without undue delay" (undue_delay)'),
  undue_delay: z.boolean(),
  starts_from: z.object({ stamp: z.string(), at: z.string().nullable() }),
  rule: z.string().describe('The source rule, quoted'),
  tag: z.enum(['P', 'S', 'U']).describe('P: primary text, S: secondary source, U: unconfirmed (a setting)'),
  shifted_from: z.string().nullable(),
  status: z.enum(['waiting', 'running', 'met', 'late', 'overdue']),
  submitted_at: z.string().nullable(),
  requires_late_reason: z.boolean(),
  content: z.array(z.object({ key: z.string(), label: z.object({ en: z.string(), fr: z.string() }), mandatory: z.boolean() })),
});
const stamp = z.string().nullable();
const IncidentRegulatory = z.object({
  incident_id: z.string(),
  time_zone: z.string(),
  personal_data_breach: z.boolean().describe('From the fact sheet'),
  stamps: z.object({
    occurred_at: stamp, detected_at: stamp, aware_at_gdpr: stamp, processor_notified_controller_at: stamp, aware_significant_at: stamp,
    classified_major_at: stamp, regular_activities_recovered_at: stamp, handling_concluded_at: stamp, resolved_at: stamp,
  }),
  aware_basis: z.string().nullable(),
  risk: z.enum(['unlikely', 'risk', 'high']).nullable(),
  risk_rationale: z.string().nullable(),
  deadlines: z.array(Deadline),
  submissions: z.array(z.object({
    id: z.string(), regime, report: z.string(), submitted_at: z.string(), authority_ref: z.string().nullable(), late_reason: z.string().nullable(),
    is_complete: z.boolean(), recorded_by: z.string(), created_at: z.string(),
  })),
  version: z.number(),
});
const notFound = { 404: { description: 'No such incident' } };
const CommunicationClocks = z.object({
  incident_id: z.string(),
  time_zone: z.string(),
  clocks: z.array(z.object({
    id: z.enum(['first_message', 'next_update']),
    due_at: z.string(),
    status: z.enum(['running', 'met', 'late', 'overdue']),
    met_at: z.string().nullable(),
    promised: z.boolean().describe('The next update\'s time was promised publicly (else it follows the cadence)'),
    steps: z.array(z.object({
      step: z.enum(['reminder', 'due', 'escalation']),
      at: z.string(),
      to: z.enum(['referent', 'backup_and_lead', 'executive']),
      queued: z.number().describe('Reminder e-mails queued for this step'),
      sent: z.number(),
    })),
  })),
});

export function registerRegulatoryRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    adminRoute('incident.read', {
      method: 'get', path: '/api/admin/incidents/{id}/clocks', tags: ['Incidents'],
      summary: 'The communication clocks: the first public message and the next update, each with its deadline, status and escalation steps (referent, backup and lead, executive)',
      request: { params: IdParam },
      responses: { 200: ok(CommunicationClocks, 'The clocks'), ...problemResponses, ...notFound },
    }),
    async (c) => c.json(await getCommunicationClocks({ ctx: ctxOf(c), incidentId: c.req.valid('param').id }), 200),
  );
  app.openapi(
    adminRoute('regulatory.read', {
      method: 'get', path: '/api/admin/settings/regulatory', tags, summary: 'The regimes the workspace answers to (GDPR, NIS2, DORA, ePrivacy, French sector rules) and the settings of their unconfirmed rules',
      responses: { 200: ok(Profile, 'The profile (ETag: its version)'), ...problemResponses },
    }),
    async (c) => versioned(c, await getRegulatoryProfile({ ctx: ctxOf(c) })),
  );
  app.openapi(
    adminRoute('regulatory.manage', {
      method: 'patch', path: '/api/admin/settings/regulatory', tags, summary: 'Switch regimes on or off; what is left out keeps its value',
      request: jsonBody(UpdateRegulatoryProfileInput),
      responses: { 200: ok(Profile, 'The profile'), ...problemResponses, 412: { description: 'If-Match is stale' } },
    }),
    async (c) => versioned(c, await updateRegulatoryProfile({ ctx: ctxOf(c), input: c.req.valid('json'), expectedVersion: expectedVersion(c) })),
  );
  app.openapi(
    adminRoute('regulatory.read', {
      method: 'get', path: '/api/admin/incidents/{id}/regulatory', tags,
      summary: 'An incident\'s legal clocks: its core timestamps, every applicable deadline with its source rule, status and required content, the reports filed',
      request: { params: IdParam },
      responses: { 200: ok(IncidentRegulatory, 'The clocks (ETag: the record\'s version)'), ...problemResponses, ...notFound },
    }),
    async (c) => versioned(c, await getIncidentRegulatory({ ctx: ctxOf(c), incidentId: c.req.valid('param').id })),
  );
  app.openapi(
    adminRoute('regulatory.manage', {
      method: 'patch', path: '/api/admin/incidents/{id}/regulatory', tags,
      summary: 'Set the core timestamps (awareness, classification…) and the risk assessment, with the reason for the change; every deadline behind them moves',
      request: { params: IdParam, ...jsonBody(UpdateIncidentRegulatoryInput) },
      responses: { 200: ok(IncidentRegulatory, 'The clocks'), ...problemResponses, ...notFound, 412: { description: 'If-Match is stale' } },
    }),
    async (c) => versioned(c, await updateIncidentRegulatory({ ctx: ctxOf(c), incidentId: c.req.valid('param').id, input: c.req.valid('json'), expectedVersion: expectedVersion(c) })),
  );
  app.openapi(
    adminRoute('regulatory.manage', {
      method: 'post', path: '/api/admin/incidents/{id}/regulatory/submissions', tags,
      summary: 'Record a report as filed (time, the authority\'s reference): it closes its deadline; a late one must give the reasons for the delay',
      request: { params: IdParam, ...jsonBody(RecordSubmissionInput) },
      responses: { 201: ok(IncidentRegulatory, 'The clocks, the deadline closed'), ...problemResponses, ...notFound },
    }),
    async (c) => versioned(c, await recordSubmission({ ctx: ctxOf(c), incidentId: c.req.valid('param').id, input: c.req.valid('json') }), 201),
  );
  app.openapi(
    adminRoute('incident.read', {
      method: 'get', path: '/api/admin/alerts', tags: ['Incidents'],
      summary: 'The reminders and escalations the communication clocks raised, newest first (the console\'s alert tray)',
      request: { query: ListAlertsInput },
      responses: { 200: ok(z.object({ alerts: z.array(Alert) }), 'The alerts'), ...problemResponses },
    }),
    async (c) => c.json(await listAlerts({ ctx: ctxOf(c), input: c.req.valid('query') }), 200),
  );
  app.openapi(
    adminRoute('incident.update', {
      method: 'post', path: '/api/admin/alerts/{id}/acknowledge', tags: ['Incidents'],
      summary: 'Take an alert in hand; the deadline itself runs on until an update is published',
      request: { params: IdParam },
      responses: { 200: ok(Alert, 'The alert'), ...problemResponses, 404: { description: 'No such alert' } },
    }),
    async (c) => c.json(await acknowledgeAlert({ ctx: ctxOf(c), id: c.req.valid('param').id }), 200),
  );
}
