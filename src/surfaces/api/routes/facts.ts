import { z } from 'zod';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { impacts, incidentStatuses } from '../../../domain/incident/lifecycle.ts';
import { getFactSheet } from '../../../services/facts/get-fact-sheet.ts';
import { EditFactSheetInput, editFactSheet } from '../../../services/facts/edit-fact-sheet.ts';
import { AddFactEntryInput, addFactEntry } from '../../../services/facts/add-fact-entry.ts';
import { EditFactEntryInput, editFactEntry } from '../../../services/facts/edit-fact-entry.ts';
import { WithdrawFactEntryInput, withdrawFactEntry } from '../../../services/facts/withdraw-fact-entry.ts';
import { ConfirmFactEntryInput, confirmFactEntry } from '../../../services/facts/confirm-fact-entry.ts';
import { factEntryHistory } from '../../../services/facts/fact-entry-history.ts';
import { adminRoute, ctxOf } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { IdParam, expectedVersion, idempotent, jsonBody, ok, problemResponses, versioned } from '../http.ts';

const tags = ['Fact sheet'];

const Actor = z.object({ type: z.enum(['user', 'token', 'system']), id: z.string().nullable(), name: z.string() });
const Figures = z.object({ affected_people: z.number().int().optional(), records: z.number().int().optional(), regions: z.array(z.string()).optional() });
const common = {
  id: z.string(),
  text: z.string(),
  noted_at: z.string().describe('When it was established, seen, said or promised'),
  author: Actor,
  created_at: z.string(),
  updated_at: z.string(),
  withdrawn: z.object({ at: z.string(), reason: z.string().nullable(), by: Actor.nullable() }).nullable().describe('Set on the entries listed under `withdrawn`'),
  version: z.number().describe('ETag of the entry'),
};
const Language = z.enum(['fr', 'en']).nullable();
export const FactEntry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('known'), ...common, source: z.string().nullable(), figures: Figures, confirmed: z.object({ at: z.string(), by: Actor }).nullable().describe('Set when it was a hypothesis, confirmed') }),
  z.object({ kind: z.literal('unconfirmed'), ...common, source: z.string().nullable() }),
  z.object({ kind: z.literal('said'), ...common, audience: z.string().nullable(), channel: z.string().nullable(), language: Language, message_id: z.string().nullable(), variant_id: z.string().nullable() }),
  z.object({
    kind: z.literal('promised'),
    ...common,
    source: z.string().nullable(),
    promise_kind: z.enum(['next_update', 'compensation', 'follow_up_report', 'other']).nullable(),
    due_at: z.string().nullable(),
    state: z.enum(['pending', 'kept', 'broken', 'dropped', 'postponed']).describe('A pending promise past its due time reads as broken; postponed: a new time was announced before it fell due'),
    overdue: z.boolean().describe('Pending and past due at `as_of`'),
    state_reason: z.string().nullable(),
    message_id: z.string().nullable(),
  }),
  z.object({ kind: z.literal('rumor'), ...common, source: z.string().nullable().describe('Where it was seen'), state: z.enum(['open', 'refuted', 'confirmed']), correction: z.string().nullable() }),
  z.object({ kind: z.literal('key_message'), ...common, language: Language }),
]);
const Person = z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable();
export const FactSheet = z.object({
  incident_id: z.string(),
  incident: z.object({
    name: z.string(),
    status: z.enum(incidentStatuses),
    impact: z.enum(impacts),
    started_at: z.string().describe('occurred_at, else detected_at, else when it was opened'),
    time_zone: z.string(),
    components: z.array(z.string()).describe('Affected components\' public names'),
  }),
  version: z.number().describe('ETag of the sheet: moves on with every change to it or its entries; 0 before the first'),
  personal_data_breach: z.boolean(),
  audiences: z.array(z.string()),
  referent: Person,
  backup_referent: Person,
  figures: Figures.describe('The newest confirmed value of each figure, from `known`'),
  known: z.array(FactEntry),
  unconfirmed: z.array(FactEntry),
  said: z.array(FactEntry),
  promised: z.array(FactEntry),
  rumors: z.array(FactEntry),
  key_messages: z.array(FactEntry),
  withdrawn: z.array(FactEntry).describe('Entries of any kind taken off the sheet, with who, when and why'),
  promises_summary: z.object({ pending: z.number(), kept: z.number(), broken: z.number(), dropped: z.number(), postponed: z.number() }),
  as_of: z.string().describe('The time derived states (overdue, broken) were computed at'),
  updated_at: z.string().nullable(),
});
const EntryWritten = z.intersection(FactEntry, z.object({ sheet_version: z.number().describe('The sheet\'s version after this change') }));

const EntryParams = z.object({ id: z.string().max(64), entryId: z.string().max(64) });
const notFound = { 404: { description: 'No such incident, or no such entry on its sheet' } };
const stale = { 412: { description: 'If-Match is stale' } };
const conflict = { 409: { description: 'The entry is withdrawn, or is what was said (read-only), or is not a hypothesis' } };

export function registerFactsRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    adminRoute('facts.read', {
      method: 'get', path: '/api/admin/incidents/{id}/facts', tags, summary: 'The incident\'s fact sheet: known, unconfirmed, said, promised, rumors, key messages',
      request: { params: IdParam },
      responses: { 200: ok(FactSheet, 'The sheet (ETag: its version)'), ...problemResponses, ...notFound },
    }),
    async (c) => versioned(c, await getFactSheet({ ctx: ctxOf(c), incidentId: c.req.valid('param').id })),
  );
  app.openapi(
    adminRoute('facts.edit', {
      method: 'patch', path: '/api/admin/incidents/{id}/facts', tags, summary: 'Set the personal data breach flag and the audiences concerned (If-Match: the sheet version)',
      request: { params: IdParam, ...jsonBody(EditFactSheetInput) },
      responses: { 200: ok(FactSheet, 'The sheet'), ...problemResponses, ...notFound, ...stale },
    }),
    async (c) => versioned(c, await editFactSheet({ ctx: ctxOf(c), incidentId: c.req.valid('param').id, input: c.req.valid('json'), expectedVersion: expectedVersion(c) })),
  );
  app.openapi(
    adminRoute('facts.edit', {
      method: 'post', path: '/api/admin/incidents/{id}/facts/entries', tags, summary: 'Add a known fact, hypothesis, promise, rumor or key message (what was said is recorded by publishing)',
      request: { params: IdParam, ...jsonBody(AddFactEntryInput) },
      responses: { 201: ok(EntryWritten, 'The entry (ETag: its version)'), ...problemResponses, ...notFound },
    }),
    async (c) => idempotent(c, ctxOf(c), (ctx) => addFactEntry({ ctx, incidentId: c.req.valid('param').id, input: c.req.valid('json') })),
  );
  app.openapi(
    adminRoute('facts.edit', {
      method: 'patch', path: '/api/admin/incidents/{id}/facts/entries/{entryId}', tags, summary: 'Correct an entry, or settle a promise (kept, dropped with a reason) or a rumor',
      request: { params: EntryParams, ...jsonBody(EditFactEntryInput) },
      responses: { 200: ok(EntryWritten, 'The entry (ETag: its version)'), ...problemResponses, ...notFound, ...conflict, ...stale },
    }),
    async (c) => {
      const { id, entryId } = c.req.valid('param');
      return versioned(c, await editFactEntry({ ctx: ctxOf(c), incidentId: id, entryId, input: c.req.valid('json'), expectedVersion: expectedVersion(c) }));
    },
  );
  app.openapi(
    adminRoute('facts.edit', {
      method: 'post', path: '/api/admin/incidents/{id}/facts/entries/{entryId}/withdraw', tags, summary: 'Withdraw an entry, with the reason; it stays listed under `withdrawn`',
      request: { params: EntryParams, ...jsonBody(WithdrawFactEntryInput) },
      responses: { 200: ok(EntryWritten, 'The withdrawn entry'), ...problemResponses, ...notFound, ...conflict, ...stale },
    }),
    async (c) => {
      const { id, entryId } = c.req.valid('param');
      return versioned(c, await withdrawFactEntry({ ctx: ctxOf(c), incidentId: id, entryId, input: c.req.valid('json'), expectedVersion: expectedVersion(c) }));
    },
  );
  app.openapi(
    adminRoute('facts.edit', {
      method: 'post', path: '/api/admin/incidents/{id}/facts/entries/{entryId}/confirm', tags, summary: 'Confirm a hypothesis: it becomes a known fact, dated now unless told',
      request: { params: EntryParams, body: { content: { 'application/json': { schema: ConfirmFactEntryInput } }, required: false } },
      responses: { 200: ok(EntryWritten, 'The known fact'), ...problemResponses, ...notFound, ...conflict, ...stale },
    }),
    async (c) => {
      const { id, entryId } = c.req.valid('param');
      return versioned(c, await confirmFactEntry({ ctx: ctxOf(c), incidentId: id, entryId, input: c.req.valid('json'), expectedVersion: expectedVersion(c) }));
    },
  );
  app.openapi(
    adminRoute('facts.read', {
      method: 'get', path: '/api/admin/incidents/{id}/facts/entries/{entryId}/history', tags, summary: 'Every change to an entry, oldest first: who, when, before, after',
      request: { params: EntryParams },
      responses: {
        200: ok(
          z.object({
            entry: FactEntry,
            changes: z.array(z.object({ at: z.string(), actor: Actor, action: z.string(), before: z.unknown(), after: z.unknown(), request_id: z.string().nullable() })),
          }),
          'The entry and its changes',
        ),
        ...problemResponses,
        ...notFound,
      },
    }),
    async (c) => {
      const { id, entryId } = c.req.valid('param');
      return c.json(await factEntryHistory({ ctx: ctxOf(c), incidentId: id, entryId }), 200);
    },
  );
}
