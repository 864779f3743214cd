import { z } from 'zod';
import { authorize, withTransaction, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';
import { lockPendingPromise, presentPromise, settlePromise } from './internal.ts';

export const DropPromiseInput = z.strictObject({
  /** Why the promise will not be kept, in words a reader of the sheet understands; required. */
  reason: z.string({ error: 'say why the promise is dropped' }).trim().min(1, 'say why the promise is dropped').max(2_000),
});
export type DropPromiseInput = z.input<typeof DropPromiseInput>;

/** Drops a pending promise, with the reason: it stops blocking the close and the sheet keeps why. */
export async function dropPromise({ ctx, incidentId, promiseId, input }: { ctx: Ctx; incidentId: string; promiseId: string; input: DropPromiseInput }) {
  authorize(ctx, 'facts.edit');
  const data = parseInput(DropPromiseInput, input);
  return withTransaction(ctx, async (tx) => {
    const before = await lockPendingPromise(tx, ctx, incidentId, promiseId);
    const after = await settlePromise(tx, ctx, before, { state: 'dropped', reason: data.reason, action: 'promise.drop' });
    const followUp = await tx.selectFrom('closing_follow_ups').selectAll().where('workspace_id', '=', ctx.workspaceId).where('promise_id', '=', promiseId).executeTakeFirst();
    return presentPromise(after, followUp ?? null, ctx.now());
  });
}
