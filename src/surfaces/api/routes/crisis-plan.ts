import { z } from 'zod';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { checklistItems } from '../../../domain/crisis-plan/checklist.ts';
import { crisisRoles } from '../../../domain/crisis-plan/roles.ts';
import { scenarioKeys } from '../../../domain/crisis-plan/scenarios.ts';
import { ApproveTemplateInput, approveTemplate, withdrawTemplateApproval } from '../../../services/crisis-plan/approve-template.ts';
import { getCrisisPlan } from '../../../services/crisis-plan/get-crisis-plan.ts';
import { SetRosterRoleInput, setRosterRole } from '../../../services/crisis-plan/set-roster-role.ts';
import { TickChecklistItemInput, tickChecklistItem } from '../../../services/crisis-plan/tick-checklist-item.ts';
import { adminRoute, ctxOf } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { expectedVersion, jsonBody, ok, problemResponses, versioned } from '../http.ts';

const tags = ['Crisis plan'];

const Bilingual = z.object({ fr: z.string(), en: z.string() });
const Approval = z.object({ approved_by: z.string(), approved_at: z.string(), is_current: z.boolean().describe('False once the template was edited after the approval') }).nullable();
const RosterEntry = z.object({
  role: z.enum(crisisRoles),
  version: z.number().describe('ETag of the entry; 0 before the role was first filled'),
  updated_at: z.string().nullable(),
  updated_by_name: z.string().nullable(),
  members: z.array(
    z.object({
      position: z.number().describe('0: the primary; then the backups, in order'),
      user_id: z.string(),
      name: z.string(),
      account_email: z.string(),
      email: z.string().nullable().describe('Where reminders go for this role; null: the account e-mail'),
      phone: z.string().nullable(),
      out_of_hours_phone: z.string().nullable(),
      availability_note: z.string().nullable(),
      unavailable_until: z.string().nullable().describe('Away until then: the escalation path skips to the next person'),
    }),
  ),
});
const Fix = z.object({ area: z.enum(['roster', 'templates', 'channels', 'regimes', 'drills']), role: z.string().optional(), scenario: z.string().optional(), stage: z.string().nullable().optional(), item: z.string().optional() });
const Gap = z.object({ id: z.string(), weight: z.number(), text: Bilingual, fix: Fix });
const TemplateView = z.object({ id: z.string(), stage: z.string(), language: z.string(), channel: z.string(), audience: z.string().nullable(), version: z.number(), is_approved: z.boolean(), approval: Approval });
const CrisisPlan = z.object({
  time_zone: z.string(),
  default_language: z.enum(['fr', 'en']),
  as_of: z.string(),
  readiness: z.object({ score: z.number().describe('0–100'), points: z.number(), max_points: z.number(), missing: z.array(Gap).describe('Most important first') }),
  roster: z.array(RosterEntry),
  people: z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), workspace_role: z.string() })).describe('The workspace members a role may be given to'),
  scenarios: z.array(
    z.object({
      key: z.enum(scenarioKeys),
      label: Bilingual,
      incident_template: z.object({ key: z.string(), label: Bilingual, is_approved: z.boolean(), approval: Approval }).nullable(),
      stages: z.array(z.object({ stage: z.string(), is_ready: z.boolean().describe('A template of this stage is pre-approved as it reads now'), templates: z.array(TemplateView) })),
    }),
  ),
  audiences: z.array(z.object({ id: z.string(), name: Bilingual, owner_role: z.enum(crisisRoles), owner: z.object({ user_id: z.string(), name: z.string() }).nullable(), channels: z.array(z.object({ kind: z.string(), name: z.string().nullable() })) })),
  checklist: z.array(
    z.object({
      item: z.enum(checklistItems),
      label: Bilingual,
      source: z.enum(['derived', 'evidence', 'manual']).describe('derived: read from the configuration; evidence: derived, or ticked by hand; manual: ticked by hand'),
      is_ready: z.boolean(),
      evidence: z.string().nullable().describe('What Tocsin saw in the configuration'),
      tick: z.object({ is_ready: z.boolean(), note: z.string().nullable(), by: z.string(), at: z.string(), version: z.number() }).nullable(),
    }),
  ),
  regimes: z.object({ is_profile_set: z.boolean(), applies: z.array(z.enum(['gdpr', 'nis2', 'dora'])), details: z.array(z.object({ regime: z.enum(['gdpr', 'nis2', 'dora']), applies: z.boolean(), detail: Bilingual })) }),
  drills: z.object({ is_available: z.boolean(), last_finished_at: z.string().nullable() }),
});
const ApprovalWritten = z.object({ kind: z.string(), key: z.string(), approved_by: z.string(), approved_at: z.string(), is_current: z.boolean() });
const Tick = z.object({ item: z.string(), is_ready: z.boolean(), note: z.string().nullable(), by: z.string(), at: z.string(), version: z.number() });
const stale = { 412: { description: 'If-Match is stale' } };

export type CrisisPlanBody = z.infer<typeof CrisisPlan>;

/** The crisis plan routes (after the crisis). */
export function registerCrisisPlanRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    adminRoute('plan.read', {
      method: 'get', path: '/api/admin/crisis-plan', tags, summary: 'The crisis plan and its readiness score, with what is missing, most important first',
      responses: { 200: ok(CrisisPlan, 'The plan'), ...problemResponses },
    }),
    async (c) => c.json(await getCrisisPlan({ ctx: ctxOf(c) }), 200),
  );
  app.openapi(
    adminRoute('plan.manage', {
      method: 'put', path: '/api/admin/crisis-plan/roster/{role}', tags, summary: 'Name who holds a crisis role: the primary, then the backups, with contacts (If-Match: the entry version)',
      request: { params: z.object({ role: z.string().max(64) }), ...jsonBody(SetRosterRoleInput) },
      responses: { 200: ok(RosterEntry, 'The roster entry (ETag: its version)'), ...problemResponses, 404: { description: 'No such crisis role' }, ...stale },
    }),
    async (c) => versioned(c, await setRosterRole({ ctx: ctxOf(c), role: c.req.valid('param').role, input: c.req.valid('json'), expectedVersion: expectedVersion(c) })),
  );
  app.openapi(
    adminRoute('message.review', {
      method: 'post', path: '/api/admin/crisis-plan/template-approvals', tags, summary: 'Pre-approve a template as it reads now (a reviewer, in peacetime); editing the template lifts the mark',
      request: jsonBody(ApproveTemplateInput),
      responses: { 201: ok(ApprovalWritten, 'The approval'), ...problemResponses, 404: { description: 'No such message template' } },
    }),
    async (c) => c.json(await approveTemplate({ ctx: ctxOf(c), input: c.req.valid('json') }), 201),
  );
  app.openapi(
    adminRoute('message.review', {
      method: 'delete', path: '/api/admin/crisis-plan/template-approvals/{kind}/{key}', tags, summary: 'Withdraw a pre-approval',
      request: { params: z.object({ kind: z.string().max(32), key: z.string().max(64) }) },
      responses: { 200: ok(z.object({ kind: z.string(), key: z.string(), withdrawn: z.boolean() }), 'Withdrawn'), ...problemResponses, 404: { description: 'No such approval' } },
    }),
    async (c) => c.json(await withdrawTemplateApproval({ ctx: ctxOf(c), input: c.req.valid('param') }), 200),
  );
  app.openapi(
    adminRoute('plan.manage', {
      method: 'put', path: '/api/admin/crisis-plan/checklist/{item}', tags, summary: 'Tick a channel check by hand where Tocsin cannot see it (If-Match: the tick version, 0 before the first)',
      request: { params: z.object({ item: z.string().max(64) }), ...jsonBody(TickChecklistItemInput) },
      responses: { 200: ok(Tick, 'The tick (ETag: its version)'), ...problemResponses, 404: { description: 'No such checklist item' }, ...stale },
    }),
    async (c) => versioned(c, await tickChecklistItem({ ctx: ctxOf(c), item: c.req.valid('param').item, input: c.req.valid('json'), expectedVersion: expectedVersion(c) })),
  );
}
