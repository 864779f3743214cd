import { z } from 'zod';
import { fetchComponent } from '../component/component-status.ts';
import { impacts } from '../../domain/incident/lifecycle.ts';
import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { DailyTime, Id, Instant, Name, parseInput, toDate } from '../schemas.ts';
import { ComponentIds, assertValidDetails, fetchAffectedComponents, fetchIncident, loadIncident, presentIncidentFields, setAffectedComponents } from './internal.ts';

export const EditIncidentInput = z.strictObject({
  name: Name.optional(),
  impact: z.enum(impacts).optional(),
  occurred_at: Instant.nullable().optional(),
  detected_at: Instant.nullable().optional(),
  acknowledged_at: Instant.nullable().optional(),
  referent_id: Id.nullable().optional(),
  backup_referent_id: Id.nullable().optional(),
  /** The whole set of affected components; their statuses change only through updates. */
  component_ids: ComponentIds.optional(),
  /**
   * A daily communiqué at this local time ("16:00", the workspace's time zone) for a long incident:
   * when no update promised a time, the next one is due then. null goes back to the cadence.
   */
  daily_update_time: DailyTime.nullable().optional(),
});
export type EditIncidentInput = z.input<typeof EditIncidentInput>;

/** Edits what an incident is (name, impact, times, referents, components, daily communiqué), not its timeline. */
export async function editIncident({ ctx, id, input, expectedVersion }: { ctx: Ctx; id: string; input: EditIncidentInput; expectedVersion?: number }) {
  authorize(ctx, 'incident.manage');
  const data = parseInput(EditIncidentInput, input);
  return withTransaction(ctx, async (tx) => {
    const before = await fetchIncident(tx, ctx, id, true);
    checkVersion('incident', before.version, expectedVersion);
    const beforeComponentIds = (await fetchAffectedComponents(tx, ctx, [id])).get(id) ?? [];
    const times = {
      occurredAt: data.occurred_at === undefined ? before.occurred_at : (toDate(data.occurred_at) ?? null),
      detectedAt: data.detected_at === undefined ? before.detected_at : (toDate(data.detected_at) ?? null),
      acknowledgedAt: data.acknowledged_at === undefined ? before.acknowledged_at : (toDate(data.acknowledged_at) ?? null),
    };
    const referentId = data.referent_id === undefined ? before.referent_id : data.referent_id;
    const backupReferentId = data.backup_referent_id === undefined ? before.backup_referent_id : data.backup_referent_id;
    await assertValidDetails(tx, ctx, {
      times,
      referentId,
      backupReferentId,
      newReferentIds: [
        ...(data.referent_id ? [{ field: 'referent_id' as const, id: data.referent_id }] : []),
        ...(data.backup_referent_id ? [{ field: 'backup_referent_id' as const, id: data.backup_referent_id }] : []),
      ],
    });
    if (data.component_ids) {
      const added = data.component_ids.filter((componentId) => !beforeComponentIds.includes(componentId));
      for (const componentId of added) await fetchComponent(tx, ctx, componentId);
      await setAffectedComponents(tx, ctx, id, added, beforeComponentIds.filter((componentId) => !data.component_ids!.includes(componentId)));
    }
    await tx
      .updateTable('incidents')
      .set({
        name: data.name ?? before.name,
        impact: data.impact ?? before.impact,
        occurred_at: times.occurredAt,
        detected_at: times.detectedAt,
        acknowledged_at: times.acknowledgedAt,
        referent_id: referentId,
        backup_referent_id: backupReferentId,
        daily_update_time: data.daily_update_time === undefined ? before.daily_update_time : data.daily_update_time,
        updated_at: ctx.now(),
        version: before.version + 1,
      })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', id)
      .execute();
    const incident = await loadIncident(tx, ctx, id);
    const { updates: _updates, ...after } = incident;
    await recordAudit(tx, ctx, { action: 'incident.edit', entityType: 'incident', entityId: id, before: presentIncidentFields(before, beforeComponentIds), after });
    return incident;
  });
}
