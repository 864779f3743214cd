import { z } from 'zod';
import { ConflictError } from '../../domain/errors.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';
import { SuppressionChannel, presentSuppression, suppressedAddress } from './suppression-fields.ts';

export const AddSuppressionInput = z.strictObject({
  channel: SuppressionChannel,
  address: z.string().trim().min(1).max(320),
  /** Why nothing goes to it any more. (Default: manual) */
  reason: z.enum(['bounce', 'complaint', 'manual']).default('manual'),
  detail: z.string().trim().max(500).nullable().default(null),
});
export type AddSuppressionInput = z.input<typeof AddSuppressionInput>;

/** Stops everything to an address, on every page of the workspace, until the suppression is removed. */
export async function addSuppression({ ctx, input }: { ctx: Ctx; input: AddSuppressionInput }) {
  authorize(ctx, 'subscribers.manage');
  const data = parseInput(AddSuppressionInput, input);
  return withTransaction(ctx, async (tx) => {
    const address = await suppressedAddress(tx, ctx.workspaceId, data.channel, data.address, '/address');
    const row = await tx
      .insertInto('suppressions')
      .values({ workspace_id: ctx.workspaceId, channel: data.channel, address, reason: data.reason, detail: data.detail, created_at: ctx.now() })
      .onConflict((oc) => oc.columns(['workspace_id', 'channel', 'address']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new ConflictError('suppression-exists', `${address} is already suppressed on ${data.channel}.`);
    const suppression = presentSuppression(row);
    await recordAudit(tx, ctx, { action: 'suppression.add', entityType: 'suppression', entityId: `${row.channel}:${row.address}`, after: suppression });
    return suppression;
  });
}
