import { z } from 'zod';
import { newId } from '../../domain/ids.ts';
import { assertWindow } from '../../domain/maintenance/lifecycle.ts';
import { actorColumns, authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Body, Instant, Name, parseInput, toDate } from '../schemas.ts';
import { ComponentIds, assertComponentsExist, enqueueAdvance, loadMaintenance } from './internal.ts';

export const ScheduleMaintenanceInput = z.strictObject({
  name: Name,
  scheduled_for: Instant,
  scheduled_until: Instant,
  component_ids: ComponentIds.default([]),
  /** Start on its own at scheduled_for. (Default: true) */
  auto_start: z.boolean().default(true),
  /** Complete on its own at scheduled_until. (Default: true) */
  auto_complete: z.boolean().default(true),
  /** The text of the first update, which announces the maintenance. */
  body: Body,
});
export type ScheduleMaintenanceInput = z.input<typeof ScheduleMaintenanceInput>;

/**
 * Schedules a maintenance and announces it with its first update. The worker starts and completes
 * it on time: its two jobs are enqueued in this transaction, so a rolled-back schedule leaves none.
 */
export async function scheduleMaintenance({ ctx, input }: { ctx: Ctx; input: ScheduleMaintenanceInput }) {
  authorize(ctx, 'maintenance.manage');
  const data = parseInput(ScheduleMaintenanceInput, input);
  const scheduledFor = toDate(data.scheduled_for);
  const scheduledUntil = toDate(data.scheduled_until);
  assertWindow(scheduledFor, scheduledUntil);
  return withTransaction(ctx, async (tx) => {
    await assertComponentsExist(tx, ctx, data.component_ids);
    const now = ctx.now();
    const row = await tx
      .insertInto('maintenances')
      .values({
        workspace_id: ctx.workspaceId,
        id: newId(),
        name: data.name,
        status: 'scheduled',
        scheduled_for: scheduledFor,
        scheduled_until: scheduledUntil,
        auto_start: data.auto_start,
        auto_complete: data.auto_complete,
        created_by: ctx.actor.type === 'system' ? null : ctx.actor.id,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (data.component_ids.length > 0) {
      await tx
        .insertInto('maintenance_components')
        .values(data.component_ids.map((componentId) => ({ workspace_id: ctx.workspaceId, maintenance_id: row.id, component_id: componentId })))
        .execute();
    }
    await tx
      .insertInto('maintenance_updates')
      .values({ workspace_id: ctx.workspaceId, id: newId(), maintenance_id: row.id, status: 'scheduled', body: data.body, ...actorColumns(ctx.actor), created_at: now, display_at: now })
      .execute();
    await enqueueAdvance(tx, ctx, row);
    const maintenance = await loadMaintenance(tx, ctx, row.id);
    await recordAudit(tx, ctx, { action: 'maintenance.schedule', entityType: 'maintenance', entityId: row.id, after: maintenance });
    return maintenance;
  });
}
