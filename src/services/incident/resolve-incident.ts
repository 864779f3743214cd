import { z } from 'zod';
import type { Tx } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { ConflictError, InvalidError, type FieldIssue } from '../../domain/errors.ts';
import { isOpen } from '../../domain/incident/lifecycle.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Body, parseInput } from '../schemas.ts';
import { addIncidentUpdate } from './add-incident-update.ts';
import { ComponentChanges, fetchAffectedComponents, fetchIncident, presentIncidentFields } from './internal.ts';

export const ResolveIncidentInput = z.strictObject({
  /** Default: a one-line resolution notice in the workspace's language. Refused for an incident still internal. */
  body: Body.optional(),
  /** Components to leave in a status other than operational. Refused for an incident still internal. */
  components: ComponentChanges.optional(),
  deliver_notifications: z.boolean().default(true),
});
export type ResolveIncidentInput = z.input<typeof ResolveIncidentInput>;

const resolvedNotice = { en: 'This incident has been resolved.', fr: 'Cet incident est résolu.' } as const;

/**
 * Adds a "resolved" update: the incident's components go back to operational unless listed. An
 * incident still declared internally (a false alarm) is closed inside the crisis cell instead: no
 * update, nothing published, and it stays off every page. A public close waits for the incident's
 * promises (kept, dropped or on the follow-up list): addIncidentUpdate refuses it with 409 otherwise.
 */
export async function resolveIncident({ ctx, id, input = {} }: { ctx: Ctx; id: string; input?: ResolveIncidentInput }) {
  authorize(ctx, 'incident.update');
  const data = parseInput(ResolveIncidentInput, input);
  return withTransaction(ctx, async (tx) => {
    const incident = await fetchIncident(tx, ctx, id, true);
    if (incident.public_at === null) return closeInternally(tx, ctx, incident, data);
    const workspace = await tx.selectFrom('workspaces').select('default_language').where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow();
    const body = data.body ?? resolvedNotice[workspace.default_language];
    return addIncidentUpdate({ ctx: { ...ctx, tx }, id, input: { status: 'resolved', body, components: data.components, deliver_notifications: data.deliver_notifications } });
  });
}

async function closeInternally(tx: Tx, ctx: Ctx, before: Row<'incidents'>, data: z.output<typeof ResolveIncidentInput>) {
  const issues: FieldIssue[] = [];
  if (data.body !== undefined) issues.push({ pointer: '/body', detail: 'the incident is internal: closing it publishes nothing (to close it in public, add an update with the status resolved)' });
  if (data.components !== undefined) issues.push({ pointer: '/components', detail: 'the incident is internal: it changed no component status' });
  if (issues.length > 0) throw new InvalidError(`The incident was never made public, so it is closed without a public message: ${issues.map((i) => `${i.pointer}: ${i.detail}`).join('; ')}.`, issues, 'incident-internal');
  if (!isOpen(before.status)) throw new ConflictError('incident-closed', `The incident is already ${before.status}.`);
  const now = ctx.now();
  const after: Row<'incidents'> = { ...before, status: 'resolved', resolved_at: now, next_update_at: null, updated_at: now, version: before.version + 1 };
  await tx
    .updateTable('incidents')
    .set({ status: after.status, resolved_at: after.resolved_at, next_update_at: null, updated_at: now, version: after.version })
    .where('workspace_id', '=', ctx.workspaceId)
    .where('id', '=', before.id)
    .execute();
  const componentIds = (await fetchAffectedComponents(tx, ctx, [before.id])).get(before.id) ?? [];
  const incident = presentIncidentFields(after, componentIds);
  await recordAudit(tx, ctx, { action: 'incident.resolve', entityType: 'incident', entityId: before.id, before: presentIncidentFields(before, componentIds), after: incident });
  return { ...incident, update: null };
}
