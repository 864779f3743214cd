import { z } from 'zod';
import { authorize, withTransaction, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';
import { lockPendingPromise, presentPromise, settlePromise } from './internal.ts';

export const KeepPromiseInput = z.strictObject({}).default({});
export type KeepPromiseInput = z.input<typeof KeepPromiseInput>;

/** Marks a pending promise kept: on the incident's sheet, or later from the follow-up list. */
export async function keepPromise({ ctx, incidentId, promiseId, input = {} }: { ctx: Ctx; incidentId: string; promiseId: string; input?: KeepPromiseInput }) {
  authorize(ctx, 'facts.edit');
  parseInput(KeepPromiseInput, input);
  return withTransaction(ctx, async (tx) => {
    const before = await lockPendingPromise(tx, ctx, incidentId, promiseId);
    const after = await settlePromise(tx, ctx, before, { state: 'kept', reason: null, action: 'promise.keep' });
    const followUp = await tx.selectFrom('closing_follow_ups').selectAll().where('workspace_id', '=', ctx.workspaceId).where('promise_id', '=', promiseId).executeTakeFirst();
    return presentPromise(after, followUp ?? null, ctx.now());
  });
}
