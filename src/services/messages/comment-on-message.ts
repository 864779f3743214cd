import { z } from 'zod';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Body, Id, parseInput } from '../schemas.ts';
import { addReview, assertVariantOf, loadForReview } from './internal.ts';
import { loadMessage } from './message-view.ts';

export const CommentOnMessageInput = z.strictObject({
  body: Body,
  /** The variant the comment is about; absent: the whole message. */
  variant_id: Id.optional(),
});
export type CommentOnMessageInput = z.input<typeof CommentOnMessageInput>;

/** A reviewer's comment on the message or one variant; it neither approves nor blocks. */
export async function commentOnMessage({ ctx, messageId, input }: { ctx: Ctx; messageId: string; input: CommentOnMessageInput }) {
  authorize(ctx, 'message.review');
  const data = parseInput(CommentOnMessageInput, input);
  return withTransaction(ctx, async (tx) => {
    const { message, variants, reviews, hash } = await loadForReview(tx, ctx, messageId);
    assertVariantOf(variants, data.variant_id);
    const review = await addReview(tx, ctx, messageId, reviews, { kind: 'comment', contentHash: hash, variantId: data.variant_id, body: data.body });
    await recordAudit(tx, ctx, { action: 'message.comment', entityType: 'message', entityId: messageId, after: { review_id: review.id, variant_id: review.variant_id, body: review.body } });
    return loadMessage(tx, ctx, message);
  });
}
