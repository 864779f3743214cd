import { z } from 'zod';
import { InvalidError } from '../../domain/errors.ts';
import { isPublic } from '../../domain/compensation/gesture.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';
import { presentOne, settlePromise, stepGesture } from './internal.ts';

export const CancelGestureInput = z.strictObject({
  /** Why: required once the gesture is public, kept with its dropped promise (internal, never published). */
  reason: z.string().trim().min(3).max(2_000).optional(),
});
export type CancelGestureInput = z.input<typeof CancelGestureInput>;

/**
 * Cancels a gesture. Before it is announced nothing was said; once it is, its public promise is
 * dropped with the reason, which the closing checks see (doctrine §8: say what becomes of a promise).
 */
export async function cancelGesture({ ctx, incidentId, gestureId, input, expectedVersion }: { ctx: Ctx; incidentId: string; gestureId: string; input: CancelGestureInput; expectedVersion?: number }) {
  authorize(ctx, 'compensation.manage');
  const data = parseInput(CancelGestureInput, input);
  return withTransaction(ctx, async (tx) => {
    const { gesture, to } = await stepGesture(tx, ctx, { incidentId, gestureId, action: 'cancel', expectedVersion });
    if (isPublic(gesture.state) && !data.reason) {
      throw new InvalidError('The gesture was announced publicly: say why it is cancelled.', [{ pointer: '/reason', detail: 'required once the gesture is announced' }], 'compensation-cancel-reason');
    }
    const now = ctx.now();
    await settlePromise(tx, ctx, gesture, 'dropped', data.reason ? `dropped: ${data.reason}` : null, now);
    const row = await tx
      .updateTable('compensation_gestures')
      .set({ state: to, cancelled_at: now, cancel_reason: data.reason ?? null, updated_at: now, version: gesture.version + 1 })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', gesture.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'compensation.cancel', entityType: 'compensation_gesture', entityId: row.id, before: { state: gesture.state }, after: { state: row.state, reason: data.reason ?? null } });
    return presentOne(tx, ctx, row);
  });
}
