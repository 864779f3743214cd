import { sql } from 'kysely';
import type { Row } from '../../adapters/db/schema.ts';
import { NotFoundError, ConflictError } from '../../domain/errors.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';

export function presentDelivery(row: Pick<Row<'deliveries'>, 'id' | 'kind' | 'message_id' | 'endpoint_id' | 'channel' | 'address' | 'language' | 'state' | 'attempts' | 'next_attempt_at' | 'sent_at' | 'last_error' | 'response' | 'created_at' | 'updated_at'>) {
  return {
    id: String(row.id),
    kind: row.kind,
    message_id: row.message_id,
    channel: row.channel,
    // A chat room's or helpdesk's webhook URL is a credential: only its host is shown.
    address: row.endpoint_id !== null && /^https?:/i.test(row.address) ? `${new URL(row.address).origin}/…` : row.address,
    language: row.language,
    state: row.state,
    attempts: row.attempts,
    next_attempt_at: row.state === 'pending' ? row.next_attempt_at.toISOString() : null,
    sent_at: row.sent_at?.toISOString() ?? null,
    last_error: row.last_error,
    response: row.response,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/** The deliveries that will not go without someone's action: out of retries (dead) or refused for good (failed), newest first. */
export async function listDeadLetters({ ctx, messageId, limit = 100, before }: { ctx: Ctx; messageId?: string; limit?: number; before?: number }) {
  authorize(ctx, 'delivery.read');
  let query = (ctx.tx ?? ctx.db.db)
    .selectFrom('deliveries')
    .selectAll()
    .where('workspace_id', '=', ctx.workspaceId)
    .where('state', 'in', ['dead', 'failed'])
    .orderBy('id', 'desc')
    .limit(Math.min(Math.max(limit, 1), 500));
  if (messageId) query = query.where('message_id', '=', messageId);
  if (before !== undefined) query = query.where('id', '<', before);
  const rows = await query.execute();
  return { deliveries: rows.map(presentDelivery), next_before: rows.length > 0 ? String(rows.at(-1)!.id) : null };
}

/**
 * Replays dead letters: back to pending now, with their attempts counted afresh, under the same
 * delivery id (so the same Message-ID or webhook-id). One delivery, or every dead one of a message.
 * Deliveries refused for good (a bounced address) are replayed only when named one by one.
 */
export async function retryDeliveries({ ctx, deliveryId, messageId }: { ctx: Ctx; deliveryId?: string; messageId?: string }) {
  authorize(ctx, 'delivery.retry');
  return withTransaction(ctx, async (tx) => {
    const now = ctx.now();
    let query = tx
      .updateTable('deliveries')
      .set({ state: 'pending', attempts: 0, next_attempt_at: now, updated_at: now })
      .where('workspace_id', '=', ctx.workspaceId);
    if (deliveryId !== undefined) {
      const id = Number(deliveryId);
      const row = Number.isSafeInteger(id) ? await tx.selectFrom('deliveries').select('state').where('workspace_id', '=', ctx.workspaceId).where('id', '=', id).executeTakeFirst() : undefined;
      if (!row) throw new NotFoundError('delivery', deliveryId);
      if (row.state !== 'dead' && row.state !== 'failed') throw new ConflictError('delivery-not-dead', `Delivery ${deliveryId} is ${row.state}: only dead or failed deliveries are replayed.`);
      query = query.where('id', '=', id);
    } else {
      const message = await tx.selectFrom('messages').select('id').where('workspace_id', '=', ctx.workspaceId).where('id', '=', messageId!).executeTakeFirst();
      if (!message) throw new NotFoundError('message', messageId!);
      query = query.where('message_id', '=', messageId!).where('state', '=', 'dead');
    }
    const result = await query.executeTakeFirst();
    const retried = Number(result.numUpdatedRows);
    await sql`select pg_notify('tocsin_deliveries', '')`.execute(tx);
    await recordAudit(tx, ctx, { action: 'delivery.retry', entityType: deliveryId ? 'delivery' : 'message', entityId: deliveryId ?? messageId!, after: { retried } });
    return { retried };
  });
}
