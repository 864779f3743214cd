import type { Tx } from '../../adapters/db/connect.ts';
import type { DeliveryChannel, DeliveryKind, DeliveryPayload, Language } from '../../adapters/db/schema.ts';
import type { Ctx } from '../context.ts';

export interface OneDelivery {
  kind: Exclude<DeliveryKind, 'message'>;
  channel: DeliveryChannel;
  /** What the recipient receives at most once (`confirm:<subscriber>:<n>`): a second enqueue with it is a no-op. */
  dedupeKey: string;
  address: string;
  language: Language;
  payload: DeliveryPayload;
  subscriberId?: string;
  endpointId?: string;
}

/**
 * Queues one delivery of its own content (a confirmation, a notice) in the caller's transaction: it
 * exists, and the workers are woken, only if that transaction commits. Returns false when the
 * dedupe key was already used.
 */
export async function enqueueDelivery(tx: Tx, ctx: Ctx, delivery: OneDelivery): Promise<boolean> {
  const now = ctx.now();
  const inserted = await tx
    .insertInto('deliveries')
    .values({
      workspace_id: ctx.workspaceId,
      dedupe_key: delivery.dedupeKey,
      kind: delivery.kind,
      channel: delivery.channel,
      subscriber_id: delivery.subscriberId ?? null,
      endpoint_id: delivery.endpointId ?? null,
      address: delivery.address,
      language: delivery.language,
      payload: JSON.stringify(delivery.payload),
      next_attempt_at: now,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'dedupe_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}
