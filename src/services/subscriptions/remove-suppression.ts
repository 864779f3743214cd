import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';
import { SuppressionChannel, presentSuppression, suppressedAddress } from './suppression-fields.ts';

export const RemoveSuppressionInput = z.strictObject({ channel: SuppressionChannel, address: z.string().trim().min(1).max(320) });
export type RemoveSuppressionInput = z.input<typeof RemoveSuppressionInput>;

/** Lets messages go to the address again (after a mailbox was fixed, or a complaint withdrawn). */
export async function removeSuppression({ ctx, input }: { ctx: Ctx; input: RemoveSuppressionInput }): Promise<void> {
  authorize(ctx, 'subscribers.manage');
  const data = parseInput(RemoveSuppressionInput, input);
  await withTransaction(ctx, async (tx) => {
    const address = await suppressedAddress(tx, ctx.workspaceId, data.channel, data.address, '/address');
    const row = await tx.deleteFrom('suppressions').where('workspace_id', '=', ctx.workspaceId).where('channel', '=', data.channel).where('address', '=', address).returningAll().executeTakeFirst();
    if (!row) throw new NotFoundError('suppression', `${data.channel}:${address}`);
    await recordAudit(tx, ctx, { action: 'suppression.remove', entityType: 'suppression', entityId: `${row.channel}:${row.address}`, before: presentSuppression(row) });
  });
}
