import { sql } from 'kysely';
import type { DatabaseHandle } from '../../adapters/db/connect.ts';
import type { DeliveryKind, DeliveryPayload, Language } from '../../adapters/db/schema.ts';
import type { DeliveryChannel } from '../../domain/delivery/channels.ts';
import { newSecret } from '../../domain/ids.ts';

/** A delivery a worker holds for the length of its lease. */
export interface ClaimedDelivery {
  workspaceId: string;
  id: number;
  kind: DeliveryKind;
  channel: DeliveryChannel;
  messageId: string | null;
  variantId: string | null;
  /** For an incident update posted without a message. */
  updateId: string | null;
  subscriberId: string | null;
  endpointId: string | null;
  address: string;
  language: Language;
  payload: DeliveryPayload | null;
  /** This one included. */
  attempts: number;
}

export interface Claim {
  /** Proves the lease: an outcome recorded with another token (a lease that ran out) is ignored. */
  token: string;
  deliveries: ClaimedDelivery[];
}

/**
 * Takes up to `limit` due deliveries of the given channels for `leaseMs`, oldest first. SKIP LOCKED
 * lets N workers on N machines claim side by side without waiting on or taking each other's rows.
 */
export async function claimDeliveries(db: DatabaseHandle, { channels, limit, leaseMs, now }: { channels: readonly DeliveryChannel[]; limit: number; leaseMs: number; now: Date }): Promise<Claim> {
  const token = newSecret();
  if (channels.length === 0) return { token, deliveries: [] };
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const { rows } = await sql<{
    workspace_id: string; id: number; kind: DeliveryKind; channel: DeliveryChannel; message_id: string | null; variant_id: string | null; update_id: string | null;
    subscriber_id: string | null; endpoint_id: string | null; address: string; language: Language; payload: DeliveryPayload | null; attempts: number;
  }>`
    with due as (
      select workspace_id, id from deliveries
      where state = 'pending' and next_attempt_at <= ${now} and channel = any(${[...channels]}::text[])
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked
    )
    update deliveries d
    set state = 'sending', lease_until = ${leaseUntil}, lease_token = ${token}, attempts = d.attempts + 1, updated_at = ${now}
    from due where d.workspace_id = due.workspace_id and d.id = due.id
    returning d.workspace_id, d.id, d.kind, d.channel, d.message_id, d.variant_id, d.update_id, d.subscriber_id, d.endpoint_id, d.address, d.language, d.payload, d.attempts`.execute(db.db);
  rows.sort((a, b) => a.id - b.id);
  return {
    token,
    deliveries: rows.map((row) => ({
      workspaceId: row.workspace_id,
      id: Number(row.id),
      kind: row.kind,
      channel: row.channel,
      messageId: row.message_id,
      variantId: row.variant_id,
      updateId: row.update_id,
      subscriberId: row.subscriber_id,
      endpointId: row.endpoint_id,
      address: row.address,
      language: row.language,
      payload: row.payload,
      attempts: row.attempts,
    })),
  };
}

/**
 * Puts back deliveries whose worker's lease ran out: it died (SIGKILL, a lost machine) between the
 * claim and recording the outcomes. What it had sent but not recorded goes out again — the rare
 * duplicate the stable Message-ID and webhook-id let receivers drop.
 */
export async function releaseExpiredLeases(db: DatabaseHandle, now: Date): Promise<number> {
  const result = await db.db
    .updateTable('deliveries')
    .set({ state: 'pending', lease_until: null, lease_token: null, updated_at: now })
    .where('state', '=', 'sending')
    .where('lease_until', '<', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Extends a claim's lease while its batch is still being sent, so that a slow receiver does not let
 * another worker take the same deliveries. Returns how many deliveries the claim still holds: 0 means
 * the lease ran out anyway (the database was out of reach longer than the lease) and another worker
 * may already be sending them.
 */
export async function renewLease(db: DatabaseHandle, token: string, leaseMs: number, now: Date): Promise<number> {
  const result = await db.db
    .updateTable('deliveries')
    .set({ lease_until: new Date(now.getTime() + leaseMs), updated_at: now })
    .where('lease_token', '=', token)
    .where('state', '=', 'sending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Keeps claiming cheap. Each claimed delivery leaves a dead entry in the index of due deliveries
 * that later claims walk past until a vacuum, and the rows a fan-out just added have no statistics
 * until an analyze: without them the planner sorts the whole queue at each claim (half a second a
 * claim with a million pending, measured). The embedded engine has no autovacuum; a server's may
 * be off, or a minute behind a fan-out. `skip_locked`: with N workers one tidies, the others go on.
 */
export async function tidyDeliveryQueue(db: DatabaseHandle): Promise<void> {
  await db.executeSql(db.kind === 'pglite' ? 'vacuum (analyze) deliveries' : 'vacuum (analyze, skip_locked) deliveries');
}
