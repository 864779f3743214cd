import { sql } from 'kysely';
import { z } from 'zod';
import { ConflictError, InvalidError, NotFoundError } from '../../domain/errors.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { presentDelivery } from '../delivery/dead-letters.ts';
import { Id, parseInput } from '../schemas.ts';
import { fetchMessage } from './internal.ts';

export const PostSocialInput = z.strictObject({
  /** The Mastodon account (a `social` channel) to post from. */
  endpoint_id: Id,
});
export type PostSocialInput = z.input<typeof PostSocialInput>;

/**
 * A person posts a published message's social variant to the team's Mastodon account. The post is a
 * delivery like any other — sent by a worker, retried, visible in the progress — keyed by variant and
 * account, so asking twice posts once (and Mastodon's own Idempotency-Key covers a retry).
 */
export async function postSocialVariant({ ctx, messageId, variantId, input }: { ctx: Ctx; messageId: string; variantId: string; input: PostSocialInput }) {
  authorize(ctx, 'message.publish');
  const data = parseInput(PostSocialInput, input);
  return withTransaction(ctx, async (tx) => {
    const message = await fetchMessage(tx, ctx, messageId);
    if (message.state !== 'published') throw new ConflictError('message-not-published', `Message ${messageId} is ${message.state}: a social post goes out once the message is published.`);
    const variant = await tx.selectFrom('message_variants').selectAll().where('workspace_id', '=', ctx.workspaceId).where('message_id', '=', messageId).where('id', '=', variantId).executeTakeFirst();
    if (!variant) throw new NotFoundError('variant', variantId);
    if (variant.channel !== 'social') throw new InvalidError(`Variant ${variantId} is for ${variant.channel}, not a social network: only social variants are posted.`);
    const endpoint = await tx.selectFrom('channel_endpoints').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', data.endpoint_id).executeTakeFirst();
    if (!endpoint) throw new NotFoundError('channel', data.endpoint_id);
    if (endpoint.kind !== 'mastodon') throw new InvalidError(`Channel ${endpoint.name} is ${endpoint.kind}: social variants are posted to a Mastodon account.`, [{ pointer: '/endpoint_id', detail: 'is not a Mastodon account' }]);
    if (!endpoint.enabled || endpoint.disabled_at) throw new ConflictError('channel-disabled', `Channel ${endpoint.name} is switched off${endpoint.disabled_reason ? ` (${endpoint.disabled_reason})` : ''}: switch it back on first.`);

    const now = ctx.now();
    const created = await tx
      .insertInto('deliveries')
      .values({
        workspace_id: ctx.workspaceId, dedupe_key: `m:${messageId}:social:${endpoint.id}:${variant.id}`, kind: 'message', message_id: messageId, variant_id: variant.id,
        channel: 'social', endpoint_id: endpoint.id, address: endpoint.target, language: variant.language, next_attempt_at: now, created_at: now, updated_at: now,
      })
      .onConflict((oc) => oc.columns(['workspace_id', 'dedupe_key']).doNothing())
      .returningAll()
      .executeTakeFirst();
    const row = created ?? (await tx.selectFrom('deliveries').selectAll().where('workspace_id', '=', ctx.workspaceId).where('dedupe_key', '=', `m:${messageId}:social:${endpoint.id}:${variant.id}`).executeTakeFirstOrThrow());
    if (created) {
      await sql`select pg_notify('tocsin_deliveries', '')`.execute(tx);
      await recordAudit(tx, ctx, { action: 'message.post_social', entityType: 'message', entityId: messageId, after: { variant_id: variant.id, endpoint_id: endpoint.id, delivery_id: String(row.id) } });
    }
    return { delivery: presentDelivery(row), created: created !== undefined };
  });
}
