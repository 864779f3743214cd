import { z } from 'zod';
import { InvalidError, NotFoundError } from '../../domain/errors.ts';
import { actorColumns, authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Body, parseInput, stripUndefined } from '../schemas.ts';
import { assertNotPublished, fetchMessage, fetchReviews, fetchVariants, loadCommsSettings, stateOf, touchMessage } from './internal.ts';
import { lintVariants, messageLintSetting, messageSummary, presentVariant } from './message-view.ts';

export const EditVariantInput = z.strictObject({
  /** An e-mail's subject; other channels have none. */
  subject: z.string().trim().min(1).max(300).optional(),
  body: Body.optional(),
});
export type EditVariantInput = z.input<typeof EditVariantInput>;

/**
 * Rewrites a variant. Its editor becomes the one who wrote this text (four-eyes keeps them from
 * approving it), and the content hash moves on: approvals given before no longer count.
 */
export async function editVariant({ ctx, messageId, variantId, input, expectedVersion }: { ctx: Ctx; messageId: string; variantId: string; input: EditVariantInput; expectedVersion?: number }) {
  authorize(ctx, 'message.write');
  const data = parseInput(EditVariantInput, input);
  return withTransaction(ctx, async (tx) => {
    const message = await fetchMessage(tx, ctx, messageId, true);
    assertNotPublished(message);
    const variants = await fetchVariants(tx, ctx, [messageId]);
    const before = variants.find((v) => v.id === variantId);
    if (!before) throw new NotFoundError('variant', variantId);
    checkVersion('variant', before.version, expectedVersion);
    if (data.subject !== undefined && before.channel !== 'email') {
      throw new InvalidError('Only an e-mail has a subject.', [{ pointer: '/subject', detail: `a ${before.channel} variant has no subject` }]);
    }
    const reviews = await fetchReviews(tx, ctx, [messageId]);
    const settings = await loadCommsSettings(tx, ctx.workspaceId);
    const stateBefore = stateOf(message, variants, reviews, settings.four_eyes);

    const now = ctx.now();
    const editor = actorColumns(ctx.actor);
    const after = { ...before, ...stripUndefined(data), editor_type: editor.author_type, editor_id: editor.author_id, editor_name: editor.author_name, updated_at: now, version: before.version + 1 };
    await tx
      .updateTable('message_variants')
      .set({ ...stripUndefined(data), editor_type: after.editor_type, editor_id: after.editor_id, editor_name: after.editor_name, updated_at: now, version: after.version })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', variantId)
      .execute();
    const touched = await touchMessage(tx, ctx, message);
    const nowVariants = variants.map((v) => (v.id === variantId ? after : v));
    const summary = messageSummary(touched, nowVariants, reviews, settings.four_eyes);
    await recordAudit(tx, ctx, { action: 'message.edit_variant', entityType: 'message', entityId: messageId, before: presentVariant(before, []), after: presentVariant(after, []) });

    const findings = lintVariants(touched, nowVariants, await messageLintSetting(tx, ctx, message, settings), now);
    return {
      ...presentVariant(after, findings.get(variantId) ?? []),
      message: summary,
      /** The message was approved and this edit voided the approval: it needs approving again. */
      approval_voided: stateBefore === 'approved' && summary.review_state !== 'approved',
    };
  });
}
