import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { presentOne, stepGesture } from './internal.ts';

/** Marks an announced gesture as being applied (credits being issued): its promise stays pending until delivered. */
export async function startDelivery({ ctx, incidentId, gestureId, expectedVersion }: { ctx: Ctx; incidentId: string; gestureId: string; expectedVersion?: number }) {
  authorize(ctx, 'compensation.manage');
  return withTransaction(ctx, async (tx) => {
    const { gesture, to } = await stepGesture(tx, ctx, { incidentId, gestureId, action: 'start_delivery', expectedVersion });
    const now = ctx.now();
    const row = await tx
      .updateTable('compensation_gestures')
      .set({ state: to, delivery_started_at: now, updated_at: now, version: gesture.version + 1 })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', gesture.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'compensation.start_delivery', entityType: 'compensation_gesture', entityId: row.id, before: { state: gesture.state }, after: { state: row.state } });
    return presentOne(tx, ctx, row);
  });
}
