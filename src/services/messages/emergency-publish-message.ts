import { z } from 'zod';
import { authorize, withTransaction, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';
import { fetchVariants, loadCommsSettings } from './internal.ts';
import { lockForPublish, publishVariants } from './publish-message.ts';

export const EmergencyPublishInput = z.strictObject({
  /** Why it cannot wait for review: kept on the message and in the audit log. */
  reason: z.string().trim().min(10, 'at least 10 characters: say why it cannot wait for review').max(2_000),
});
export type EmergencyPublishInput = z.input<typeof EmergencyPublishInput>;

/** Publishes without review, for an incident lead who cannot wait: flagged on the message and in the audit log. */
export async function emergencyPublishMessage({ ctx, messageId, input }: { ctx: Ctx; messageId: string; input: EmergencyPublishInput }) {
  authorize(ctx, 'message.publish_emergency');
  const data = parseInput(EmergencyPublishInput, input);
  return withTransaction(ctx, async (tx) => {
    const message = await lockForPublish(tx, ctx, messageId);
    const [variants, settings] = await Promise.all([fetchVariants(tx, ctx, [messageId]), loadCommsSettings(tx, ctx.workspaceId)]);
    return publishVariants(tx, ctx, { message, variants, statusPageAudience: settings.status_page_audience, emergencyReason: data.reason });
  });
}
