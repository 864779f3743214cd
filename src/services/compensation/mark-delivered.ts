import { formatMoment } from '../../domain/message/format.ts';
import { promiseOutcome } from '../../domain/compensation/gesture.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { presentOne, settlePromise, stepGesture } from './internal.ts';

/** The gesture is delivered: its public promise is kept, or broken when it comes after the time announced. */
export async function markDelivered({ ctx, incidentId, gestureId, expectedVersion }: { ctx: Ctx; incidentId: string; gestureId: string; expectedVersion?: number }) {
  authorize(ctx, 'compensation.manage');
  return withTransaction(ctx, async (tx) => {
    const { gesture, to } = await stepGesture(tx, ctx, { incidentId, gestureId, action: 'deliver', expectedVersion });
    const now = ctx.now();
    const outcome = promiseOutcome(gesture.due_at, now);
    const { default_language: language, time_zone: timeZone } = await tx.selectFrom('workspaces').select(['default_language', 'time_zone']).where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow();
    const late = gesture.due_at && outcome === 'broken' ? formatMoment(now, language, timeZone, gesture.due_at) : null;
    const reason = late ? (language === 'fr' ? `en retard : livré à ${late}` : `late: delivered at ${late}`) : null;
    await settlePromise(tx, ctx, gesture, outcome, reason, now);
    const row = await tx
      .updateTable('compensation_gestures')
      .set({ state: to, delivered_at: now, updated_at: now, version: gesture.version + 1 })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', gesture.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'compensation.deliver', entityType: 'compensation_gesture', entityId: row.id, before: { state: gesture.state }, after: { state: row.state, promise: outcome } });
    return presentOne(tx, ctx, row);
  });
}
