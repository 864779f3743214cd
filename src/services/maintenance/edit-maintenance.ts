import { z } from 'zod';
import { ConflictError } from '../../domain/errors.ts';
import { assertWindow, isActive } from '../../domain/maintenance/lifecycle.ts';
import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Instant, Name, parseInput, toDate } from '../schemas.ts';
import {
  ComponentIds,
  assertComponentsExist,
  componentIdsOf,
  enqueueAdvance,
  fetchMaintenance,
  holdComponents,
  loadMaintenance,
  releaseComponents,
} from './internal.ts';

export const EditMaintenanceInput = z.strictObject({
  name: Name.optional(),
  scheduled_for: Instant.optional(),
  scheduled_until: Instant.optional(),
  /** The full new list of components; those added or removed while it runs are held or handed back at once. */
  component_ids: ComponentIds.optional(),
  auto_start: z.boolean().optional(),
  auto_complete: z.boolean().optional(),
});
export type EditMaintenanceInput = z.input<typeof EditMaintenanceInput>;

/**
 * Edits a maintenance. A new window or new flags re-enqueue its jobs (the old ones find nothing
 * due); a completed maintenance only takes a new name. The status changes through updates only.
 */
export async function editMaintenance({ ctx, id, input, expectedVersion }: { ctx: Ctx; id: string; input: EditMaintenanceInput; expectedVersion?: number }) {
  authorize(ctx, 'maintenance.manage');
  const data = parseInput(EditMaintenanceInput, input);
  return withTransaction(ctx, async (tx) => {
    const row = await fetchMaintenance(tx, ctx, id, true);
    checkVersion('maintenance', row.version, expectedVersion);
    const before = await loadMaintenance(tx, ctx, id);
    const { name, ...planning } = data;
    if (row.status === 'completed' && Object.values(planning).some((value) => value !== undefined)) {
      throw new ConflictError('maintenance-completed', 'A completed maintenance keeps its window, components and flags; only its name can change.');
    }
    const scheduledFor = toDate(data.scheduled_for) ?? row.scheduled_for;
    const scheduledUntil = toDate(data.scheduled_until) ?? row.scheduled_until;
    assertWindow(scheduledFor, scheduledUntil);

    const wanted = data.component_ids;
    if (wanted) {
      const current = await componentIdsOf(tx, ctx, id);
      const added = wanted.filter((componentId) => !current.includes(componentId));
      const removed = current.filter((componentId) => !wanted.includes(componentId));
      await assertComponentsExist(tx, ctx, added);
      if (removed.length > 0) {
        await tx.deleteFrom('maintenance_components').where('workspace_id', '=', ctx.workspaceId).where('maintenance_id', '=', id).where('component_id', 'in', removed).execute();
      }
      if (added.length > 0) {
        await tx.insertInto('maintenance_components').values(added.map((componentId) => ({ workspace_id: ctx.workspaceId, maintenance_id: id, component_id: componentId }))).execute();
      }
      if (isActive(row.status)) {
        await holdComponents(tx, ctx, id, added);
        await releaseComponents(tx, ctx, id, removed);
      }
    }

    const updated = await tx
      .updateTable('maintenances')
      .set({
        name: name ?? row.name,
        scheduled_for: scheduledFor,
        scheduled_until: scheduledUntil,
        auto_start: data.auto_start ?? row.auto_start,
        auto_complete: data.auto_complete ?? row.auto_complete,
        updated_at: ctx.now(),
        version: row.version + 1,
      })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const isRescheduled =
      updated.scheduled_for.getTime() !== row.scheduled_for.getTime() ||
      updated.scheduled_until.getTime() !== row.scheduled_until.getTime() ||
      updated.auto_start !== row.auto_start ||
      updated.auto_complete !== row.auto_complete;
    if (isRescheduled) await enqueueAdvance(tx, ctx, updated);
    const after = await loadMaintenance(tx, ctx, id);
    await recordAudit(tx, ctx, { action: 'maintenance.edit', entityType: 'maintenance', entityId: id, before, after });
    return after;
  });
}
