import { z } from 'zod';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Body, Id, parseInput } from '../schemas.ts';
import { addReview, assertVariantOf, loadForReview, touchMessage } from './internal.ts';
import { loadMessage } from './message-view.ts';

export const RequestChangesInput = z.strictObject({
  /** What must change: required, the author needs to know. */
  comment: Body,
  variant_id: Id.optional(),
});
export type RequestChangesInput = z.input<typeof RequestChangesInput>;

/** A reviewer sends the message back: it stays blocked until they approve or the content changes. */
export async function requestChanges({ ctx, messageId, input }: { ctx: Ctx; messageId: string; input: RequestChangesInput }) {
  authorize(ctx, 'message.review');
  const data = parseInput(RequestChangesInput, input);
  return withTransaction(ctx, async (tx) => {
    const { message, variants, reviews, hash } = await loadForReview(tx, ctx, messageId);
    assertVariantOf(variants, data.variant_id);
    const review = await addReview(tx, ctx, messageId, reviews, { kind: 'request_changes', contentHash: hash, variantId: data.variant_id, body: data.comment });
    const touched = message.state === 'draft' ? await touchMessage(tx, ctx, message, { state: 'in_review' }) : message;
    await recordAudit(tx, ctx, { action: 'message.request_changes', entityType: 'message', entityId: messageId, after: { review_id: review.id, variant_id: review.variant_id, comment: review.body, content_hash: hash } });
    return loadMessage(tx, ctx, touched);
  });
}
