import { z } from 'zod';
import { contentHash } from '../../domain/message/content-hash.ts';
import { authorize, withTransaction, type Ctx } from '../context.ts';
import { fetchMessage, fetchReviews, fetchVariants, hashOf } from './internal.ts';

/** A variant as the audit log keeps it (`presentVariant`): enough to say what it read. */
const Snapshot = z.object({
  id: z.string(),
  audience: z.string(),
  language: z.enum(['fr', 'en']),
  channel: z.string(),
  network: z.string().nullable(),
  subject: z.string().nullable(),
  body: z.string(),
});
type Snapshot = z.infer<typeof Snapshot>;

export interface ApprovedVariant extends Omit<Snapshot, 'body'> {
  /** The text as approved; null when a change since cannot be undone from the record (a moved next update rewrote it). */
  body: string | null;
}

export interface ApprovedContent {
  message_id: string;
  /** The latest approval, or null when nobody approved the message yet. */
  approval: { review_id: string; actor: { type: string; id: string | null; name: string }; at: string; content_hash: string } | null;
  /** The approval covers the content as it is now: nothing changed since. */
  current: boolean;
  /** The text below hashes to the approval's fingerprint: it is exactly what was approved. */
  complete: boolean;
  next_update_at: string | null;
  variants: ApprovedVariant[];
}

/**
 * What the message said when it was last approved, so a reviewer sees what changed since. The
 * approval keeps only a fingerprint; the text is found by undoing, newest first, the changes the
 * audit log recorded after it (each edit keeps the variant as it was), then checked against that
 * fingerprint.
 */
export async function approvedContent({ ctx, messageId }: { ctx: Ctx; messageId: string }): Promise<ApprovedContent> {
  authorize(ctx, 'facts.read');
  return withTransaction(ctx, async (tx) => {
    const message = await fetchMessage(tx, ctx, messageId);
    const [variants, reviews] = await Promise.all([fetchVariants(tx, ctx, [messageId]), fetchReviews(tx, ctx, [messageId])]);
    const approval = reviews.filter((review) => review.kind === 'approve').at(-1);
    const empty = { message_id: messageId, approval: null, current: false, complete: false, next_update_at: null, variants: [] };
    if (!approval) return empty;
    const head = {
      message_id: messageId,
      approval: { review_id: approval.id, actor: { type: approval.actor_type, id: approval.actor_id, name: approval.actor_name }, at: approval.at.toISOString(), content_hash: approval.content_hash },
      current: approval.content_hash === hashOf(message, variants),
    };

    // Ids follow the order of commits within a message: every change to it locks the message row.
    const entries = await tx
      .selectFrom('audit_log')
      .select(['id', 'action', 'before', 'after'])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('entity_type', '=', 'message')
      .where('entity_id', '=', messageId)
      .orderBy('id')
      .execute();
    const approvedAt = entries.findIndex((entry) => entry.action === 'message.approve' && (entry.after as { review_id?: string } | null)?.review_id === approval.id);
    if (approvedAt === -1) return { ...empty, ...head };

    const state = new Map<string, ApprovedVariant>(variants.map((v) => [v.id, { id: v.id, audience: v.audience, language: v.language, channel: v.channel, network: v.network, subject: v.subject, body: v.body }]));
    let nextUpdateAt: string | null = message.next_update_at?.toISOString() ?? null;
    let readable = true;
    for (const entry of entries.slice(approvedAt + 1).reverse()) {
      switch (entry.action) {
        case 'message.edit_variant':
        case 'message.remove_variant': {
          const before = Snapshot.safeParse(entry.before);
          if (before.success) state.set(before.data.id, pickSnapshot(before.data));
          else readable = false;
          break;
        }
        case 'message.add_variant': {
          const added = Snapshot.safeParse(entry.after);
          if (added.success) state.delete(added.data.id);
          else readable = false;
          break;
        }
        case 'message.edit': {
          const before = entry.before as { next_update_at?: string | null } | null;
          const after = entry.after as { rewritten_variant_ids?: string[] } | null;
          if (before && 'next_update_at' in before) nextUpdateAt = before.next_update_at ? new Date(before.next_update_at).toISOString() : null;
          // The texts announcing the old time were rewritten in place; what they said before is not recorded.
          for (const id of after?.rewritten_variant_ids ?? []) {
            const variant = state.get(id);
            if (variant) state.set(id, { ...variant, body: null });
          }
          break;
        }
      }
    }
    const approved = [...state.values()];
    const texts = approved.flatMap((v) => (v.body === null ? [] : [{ ...v, body: v.body }]));
    const complete = readable && texts.length === approved.length && contentHash({ nextUpdateAt: nextUpdateAt ? new Date(nextUpdateAt) : null }, texts) === approval.content_hash;
    return { ...head, complete, next_update_at: nextUpdateAt, variants: approved };
  });
}

function pickSnapshot({ id, audience, language, channel, network, subject, body }: Snapshot): ApprovedVariant {
  return { id, audience, language, channel, network, subject, body };
}
