import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { assertNotPublished, fetchMessage, fetchVariants, touchMessage } from './internal.ts';
import { presentVariant } from './message-view.ts';

/** Removes a variant; a message keeps at least one. Approvals given before no longer count. */
export async function removeVariant({ ctx, messageId, variantId }: { ctx: Ctx; messageId: string; variantId: string }) {
  authorize(ctx, 'message.write');
  await withTransaction(ctx, async (tx) => {
    const message = await fetchMessage(tx, ctx, messageId, true);
    assertNotPublished(message);
    const variants = await fetchVariants(tx, ctx, [messageId]);
    const variant = variants.find((v) => v.id === variantId);
    if (!variant) throw new NotFoundError('variant', variantId);
    if (variants.length === 1) throw new ConflictError('message-needs-a-variant', 'This is the message\'s last variant: add another before removing it, or leave the message unpublished.');
    await tx.deleteFrom('message_variants').where('workspace_id', '=', ctx.workspaceId).where('id', '=', variantId).execute();
    await touchMessage(tx, ctx, message);
    await recordAudit(tx, ctx, { action: 'message.remove_variant', entityType: 'message', entityId: messageId, before: presentVariant(variant, []) });
  });
}
