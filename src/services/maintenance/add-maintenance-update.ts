import { z } from 'zod';
import { assertMaintenanceTransition, maintenanceStatuses } from '../../domain/maintenance/lifecycle.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Body, parseInput } from '../schemas.ts';
import { changedUnderLock, fetchMaintenance, loadMaintenance, recordMaintenanceUpdate } from './internal.ts';

export const AddMaintenanceUpdateInput = z.strictObject({
  /** The status the maintenance is in after this update; its current status for a plain note. */
  status: z.enum(maintenanceStatuses),
  body: Body,
});
export type AddMaintenanceUpdateInput = z.input<typeof AddMaintenanceUpdateInput>;

/**
 * Posts an update by hand, moving the maintenance to its status. Starting it puts its components
 * under maintenance and completing it hands them back, exactly as the schedule would.
 */
export async function addMaintenanceUpdate({ ctx, id, input }: { ctx: Ctx; id: string; input: AddMaintenanceUpdateInput }) {
  authorize(ctx, 'maintenance.manage');
  const data = parseInput(AddMaintenanceUpdateInput, input);
  return withTransaction(ctx, async (tx) => {
    const row = await fetchMaintenance(tx, ctx, id, true);
    assertMaintenanceTransition(row.status, data.status);
    const moved = await recordMaintenanceUpdate(tx, ctx, row, { status: data.status, body: data.body, displayAt: ctx.now() });
    if (!moved) changedUnderLock(id);
    await recordAudit(tx, ctx, {
      action: 'maintenance.add_update',
      entityType: 'maintenance',
      entityId: id,
      before: { status: row.status },
      after: { status: data.status, body: data.body },
    });
    return loadMaintenance(tx, ctx, id);
  });
}
