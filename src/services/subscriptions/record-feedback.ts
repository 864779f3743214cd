import { z } from 'zod';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';
import { normalizeAddress } from './address.ts';

const FeedbackEvent = z.strictObject({
  /** A bounce reported after the relay accepted the message, or a recipient's spam complaint. */
  type: z.enum(['bounce', 'complaint']),
  channel: z.enum(['email', 'sms']).default('email'),
  address: z.string().trim().min(1).max(320),
  /** A bounce that will not go away (unknown mailbox, number out of service); a full mailbox is not. (Default: true) */
  permanent: z.boolean().default(true),
  /** The Message-ID Tocsin gave the message (`<delivery.workspace@domain>`), to mark that delivery failed. */
  message_id: z.string().trim().max(500).optional(),
  /** What the provider said, kept with the suppression. */
  detail: z.string().trim().max(500).optional(),
});

export const RecordFeedbackInput = z.strictObject({ events: z.array(FeedbackEvent).min(1).max(1_000) });
export type RecordFeedbackInput = z.input<typeof RecordFeedbackInput>;

/**
 * What a relay or SMS provider reports after the fact: hard bounces and complaints suppress the
 * address on every page (nothing more is sent to it), soft bounces are counted and left alone, and
 * the delivery named by its Message-ID is marked failed with the reason. Reporting an event twice
 * changes nothing the second time, so a provider may retry its webhook freely.
 */
export async function recordFeedback({ ctx, input }: { ctx: Ctx; input: RecordFeedbackInput }) {
  authorize(ctx, 'subscribers.manage');
  const { events } = parseInput(RecordFeedbackInput, input);
  return withTransaction(ctx, async (tx) => {
    const now = ctx.now();
    const workspace = await tx.selectFrom('workspaces').select('default_language').where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow();
    let suppressed = 0;
    let ignored = 0;
    let deliveriesFailed = 0;
    const rejected: Array<{ index: number; reason: string }> = [];
    for (const [index, event] of events.entries()) {
      const normalized = normalizeAddress(event.channel, event.address, workspace.default_language);
      if (!normalized.ok) {
        rejected.push({ index, reason: normalized.reason });
        continue;
      }
      const lasting = event.type === 'complaint' || event.permanent;
      if (!lasting) {
        ignored += 1;
        continue;
      }
      const added = await tx
        .insertInto('suppressions')
        .values({ workspace_id: ctx.workspaceId, channel: event.channel, address: normalized.address, reason: event.type, detail: event.detail ?? null, created_at: now })
        .onConflict((oc) => oc.columns(['workspace_id', 'channel', 'address']).doNothing())
        .executeTakeFirst();
      suppressed += Number(added.numInsertedOrUpdatedRows ?? 0);
      const deliveryId = event.message_id ? deliveryIdOf(event.message_id, ctx.workspaceId) : undefined;
      if (deliveryId !== undefined) {
        const failed = await tx
          .updateTable('deliveries')
          .set({ state: 'failed', last_error: `${event.type === 'complaint' ? 'Complaint' : 'Bounce'} reported after sending${event.detail ? `: ${event.detail}` : ''}`, updated_at: now })
          .where('workspace_id', '=', ctx.workspaceId)
          .where('id', '=', deliveryId)
          .where('address', '=', normalized.address)
          .where('state', '=', 'sent')
          .executeTakeFirst();
        deliveriesFailed += Number(failed.numUpdatedRows);
      }
    }
    const result = { received: events.length, suppressed, ignored, deliveries_failed: deliveriesFailed, rejected };
    if (suppressed + deliveriesFailed > 0) await recordAudit(tx, ctx, { action: 'suppression.feedback', entityType: 'suppression', entityId: 'feedback', after: result });
    return result;
  });
}

/** The delivery a Message-ID Tocsin wrote (`<id.workspace@domain>`) names, if it is this workspace's. */
function deliveryIdOf(messageId: string, workspaceId: string): number | undefined {
  const match = /^<?(\d{1,15})\.([A-Za-z0-9_-]+)@[^>]+>?$/.exec(messageId.trim());
  return match && match[2] === workspaceId ? Number(match[1]) : undefined;
}
