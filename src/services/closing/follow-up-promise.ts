import { z } from 'zod';
import type { Row } from '../../adapters/db/schema.ts';
import { ConflictError } from '../../domain/errors.ts';
import { actorColumns, authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { touchFactSheet } from '../facts/sheet-row.ts';
import { parseInput } from '../schemas.ts';
import { lockPendingPromise, presentPromise } from './internal.ts';

export const FollowUpPromiseInput = z.strictObject({
  /** Who follows it up, or how. */
  note: z.string().trim().min(1).max(2_000).optional(),
}).default({});
export type FollowUpPromiseInput = z.input<typeof FollowUpPromiseInput>;

/**
 * Moves a pending promise to the follow-up list: it stays pending and tracked after the incident
 * closes (until kept or dropped), and no longer holds the close back.
 */
export async function followUpPromise({ ctx, incidentId, promiseId, input = {} }: { ctx: Ctx; incidentId: string; promiseId: string; input?: FollowUpPromiseInput }) {
  authorize(ctx, 'facts.edit');
  const data = parseInput(FollowUpPromiseInput, input);
  return withTransaction(ctx, async (tx) => {
    const promise = await lockPendingPromise(tx, ctx, incidentId, promiseId);
    if (promise.promise_kind === 'next_update') {
      throw new ConflictError('next-update-not-followed-up', 'A next-update promise is kept or broken by the next public update, which the close itself adds: it does not go on the follow-up list.');
    }
    const existing = await tx.selectFrom('closing_follow_ups').select('created_at').where('workspace_id', '=', ctx.workspaceId).where('promise_id', '=', promiseId).executeTakeFirst();
    if (existing) throw new ConflictError('promise-already-followed-up', `This promise has been on the follow-up list since ${existing.created_at.toISOString()}.`);
    const now = ctx.now();
    const followUp: Row<'closing_follow_ups'> = {
      workspace_id: ctx.workspaceId,
      promise_id: promiseId,
      incident_id: incidentId,
      note: data.note ?? null,
      ...actorColumns(ctx.actor),
      created_at: now,
    };
    await tx.insertInto('closing_follow_ups').values(followUp).execute();
    await recordAudit(tx, ctx, { action: 'promise.follow_up', entityType: 'fact_entry', entityId: promiseId, after: { follow_up: true, note: followUp.note } });
    await touchFactSheet(tx, ctx, incidentId, now);
    return presentPromise(promise, followUp, now);
  });
}
