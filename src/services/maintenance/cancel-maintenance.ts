import { z } from 'zod';
import { ConflictError } from '../../domain/errors.ts';
import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Body, parseInput } from '../schemas.ts';
import { changedUnderLock, fetchMaintenance, loadMaintenance, recordMaintenanceUpdate } from './internal.ts';

export const CancelMaintenanceInput = z.strictObject({
  /** Why it ends now, shown as the closing update ("Postponed to next week."). */
  body: Body,
});
export type CancelMaintenanceInput = z.input<typeof CancelMaintenanceInput>;

/**
 * Calls a maintenance off: it is completed now with `body` as its last update, whether it had
 * started (its components are handed back) or not (they were never touched). It is never deleted:
 * subscribers were told it was coming, so the page must say it is off rather than forget it. The
 * schedule never restarts a completed maintenance. A completed one cannot be cancelled (409).
 */
export async function cancelMaintenance({ ctx, id, input, expectedVersion }: { ctx: Ctx; id: string; input: CancelMaintenanceInput; expectedVersion?: number }) {
  authorize(ctx, 'maintenance.manage');
  const data = parseInput(CancelMaintenanceInput, input);
  return withTransaction(ctx, async (tx) => {
    const row = await fetchMaintenance(tx, ctx, id, true);
    checkVersion('maintenance', row.version, expectedVersion);
    if (row.status === 'completed') throw new ConflictError('maintenance-completed', 'This maintenance is already completed; there is nothing to cancel.');
    const moved = await recordMaintenanceUpdate(tx, ctx, row, { status: 'completed', body: data.body, displayAt: ctx.now() });
    if (!moved) changedUnderLock(id);
    await recordAudit(tx, ctx, { action: 'maintenance.cancel', entityType: 'maintenance', entityId: id, before: { status: row.status }, after: { status: 'completed', body: data.body } });
    return loadMaintenance(tx, ctx, id);
  });
}
