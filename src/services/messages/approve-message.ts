import { z } from 'zod';
import { ConflictError, TocsinError } from '../../domain/errors.ts';
import { actorKey } from '../../domain/message/review-state.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';
import { addReview, editorsOf, loadForReview, touchMessage } from './internal.ts';
import { lintVariants, loadMessage, messageLintSetting } from './message-view.ts';

export const ApproveMessageInput = z.strictObject({
  /** Why error-level findings may go out anyway; required when there are some, and recorded. */
  override_reason: z.string().trim().min(10, 'at least 10 characters: say why').max(2_000).optional(),
  comment: z.string().trim().min(1).max(5_000).optional(),
});
export type ApproveMessageInput = z.input<typeof ApproveMessageInput>;

/**
 * Approves the message as it is now (its content hash): an edit afterwards voids the approval.
 * Error-level findings block it unless a reason to override them is written; with four-eyes on,
 * whoever wrote one of the variants cannot approve.
 */
export async function approveMessage({ ctx, messageId, input = {} }: { ctx: Ctx; messageId: string; input?: ApproveMessageInput }) {
  authorize(ctx, 'message.review');
  const data = parseInput(ApproveMessageInput, input);
  return withTransaction(ctx, async (tx) => {
    const { message, variants, reviews, settings, hash } = await loadForReview(tx, ctx, messageId);
    if (settings.four_eyes && ctx.actor.type !== 'system' && editorsOf(variants).includes(actorKey({ type: ctx.actor.type, id: ctx.actor.id, name: ctx.actor.name }))) {
      throw new ConflictError('four-eyes', 'You wrote part of this message: with four-eyes review, someone else must approve it.');
    }
    const findings = lintVariants(message, variants, await messageLintSetting(tx, ctx, message, settings), ctx.now());
    const blocking = variants.flatMap((variant) => (findings.get(variant.id) ?? []).filter((f) => f.severity === 'error').map((finding) => ({ variant, finding })));
    if (blocking.length > 0 && data.override_reason === undefined) {
      throw new TocsinError(
        'conflict',
        'blocking-findings',
        `The message has ${blocking.length} error-level finding${blocking.length > 1 ? 's' : ''}: fix ${blocking.length > 1 ? 'them' : 'it'}, or approve with an override_reason saying why it may go out as it is.`,
        {
          issues: blocking.map(({ variant, finding }) => ({
            pointer: `/variants/${variant.id}/${finding.field === 'subject' ? 'subject' : 'body'}`,
            detail: `${finding.rule} [${finding.start}, ${finding.end}) ${variant.audience} · ${variant.language} · ${variant.channel}: ${finding.message}`,
          })),
        },
      );
    }
    const overriddenRules = [...new Set(blocking.map(({ finding }) => finding.rule))].sort();
    const review = await addReview(tx, ctx, messageId, reviews, {
      kind: 'approve',
      contentHash: hash,
      body: data.comment ?? null,
      overrideReason: data.override_reason ?? null,
      overriddenRules,
    });
    const touched = message.state === 'draft' ? await touchMessage(tx, ctx, message, { state: 'in_review' }) : message;
    await recordAudit(tx, ctx, {
      action: 'message.approve',
      entityType: 'message',
      entityId: messageId,
      after: { review_id: review.id, content_hash: hash, override_reason: review.override_reason, overridden_rules: overriddenRules },
    });
    return loadMessage(tx, ctx, touched);
  });
}
