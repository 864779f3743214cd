import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.ts';
import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Body, parseInput } from '../schemas.ts';
import { fetchIncident, presentIncidentUpdate } from './internal.ts';

export const EditIncidentUpdateInput = z.strictObject({ body: Body.optional(), deliver_notifications: z.boolean().optional() });
export type EditIncidentUpdateInput = z.input<typeof EditIncidentUpdateInput>;

/** Corrects the text of an update; its id, status and place on the timeline stay as they were. */
export async function editIncidentUpdate({ ctx, incidentId, updateId, input, expectedVersion }: {
  ctx: Ctx;
  incidentId: string;
  updateId: string;
  input: EditIncidentUpdateInput;
  expectedVersion?: number;
}) {
  authorize(ctx, 'incident.manage');
  const data = parseInput(EditIncidentUpdateInput, input);
  return withTransaction(ctx, async (tx) => {
    await fetchIncident(tx, ctx, incidentId);
    const before = await tx
      .selectFrom('incident_updates')
      .selectAll()
      .where('workspace_id', '=', ctx.workspaceId)
      .where('incident_id', '=', incidentId)
      .where('id', '=', updateId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new NotFoundError('incident-update', updateId);
    checkVersion('incident update', before.version, expectedVersion);
    const row = await tx
      .updateTable('incident_updates')
      .set({
        body: data.body ?? before.body,
        deliver_notifications: data.deliver_notifications ?? before.deliver_notifications,
        updated_at: ctx.now(),
        version: before.version + 1,
      })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', updateId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = presentIncidentUpdate(row);
    await recordAudit(tx, ctx, {
      action: 'incident.edit_update',
      entityType: 'incident_update',
      entityId: updateId,
      partOf: { entityType: 'incident', entityId: incidentId },
      before: { incident_id: incidentId, ...presentIncidentUpdate(before) },
      after: { incident_id: incidentId, ...after },
    });
    return after;
  });
}
