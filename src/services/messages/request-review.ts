import { z } from 'zod';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';
import { addReview, loadForReview, touchMessage } from './internal.ts';
import { loadMessage } from './message-view.ts';

export const RequestReviewInput = z.strictObject({
  /** A note for the reviewers. */
  note: z.string().trim().min(1).max(5_000).optional(),
});
export type RequestReviewInput = z.input<typeof RequestReviewInput>;

/** Asks for review: the message goes in review, on the content as it is now. */
export async function requestReview({ ctx, messageId, input = {} }: { ctx: Ctx; messageId: string; input?: RequestReviewInput }) {
  authorize(ctx, 'message.write');
  const data = parseInput(RequestReviewInput, input);
  return withTransaction(ctx, async (tx) => {
    const { message, reviews, hash } = await loadForReview(tx, ctx, messageId);
    const review = await addReview(tx, ctx, messageId, reviews, { kind: 'request', contentHash: hash, body: data.note ?? null });
    const touched = message.state === 'draft' ? await touchMessage(tx, ctx, message, { state: 'in_review' }) : message;
    await recordAudit(tx, ctx, { action: 'message.request_review', entityType: 'message', entityId: messageId, before: { state: message.state }, after: { state: touched.state, review_id: review.id, content_hash: hash } });
    return loadMessage(tx, ctx, touched);
  });
}
