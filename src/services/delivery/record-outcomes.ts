import { sql } from 'kysely';
import type { DatabaseHandle, Tx } from '../../adapters/db/connect.ts';
import type { SendResult } from '../../adapters/outcome.ts';
import type { DeliveryState } from '../../domain/delivery/channels.ts';
import { retryDelayMs } from '../../domain/delivery/retry.ts';
import type { Claim, ClaimedDelivery } from './claim.ts';

/** What became of one claimed delivery: the receiver's answer, or why it was not sent at all. */
export type Outcome = { delivery: ClaimedDelivery; result: SendResult } | { delivery: ClaimedDelivery; cancelled: string };

/** A webhook or chat endpoint failing this many deliveries in a row is switched off until someone turns it back on. */
export const disableAfterFailures = 15;

export interface RecordedOutcomes {
  sent: number;
  retried: number;
  failed: number;
  dead: number;
  cancelled: number;
}

interface Update {
  workspaceId: string;
  id: number;
  state: DeliveryState;
  nextAttemptAt: Date | null;
  response: string | null;
  error: string | null;
  providerId: string | null;
}

/**
 * Records a batch's outcomes in one transaction, only for rows still held under the claim's token: a
 * worker whose lease ran out (and whose rows another worker took) records nothing, so each delivery
 * is recorded as sent once. Temporary failures come back after their backoff, or become dead
 * letters; a permanent refusal of an address suppresses it; an endpoint that is gone, or fails
 * too often in a row, is switched off.
 */
export async function recordOutcomes(db: DatabaseHandle, claim: Claim, outcomes: Outcome[], now: Date, random: () => number = Math.random): Promise<RecordedOutcomes> {
  const counts: RecordedOutcomes = { sent: 0, retried: 0, failed: 0, dead: 0, cancelled: 0 };
  if (outcomes.length === 0) return counts;
  const updates = outcomes.map((outcome): Update => {
    const { delivery } = outcome;
    const base = { workspaceId: delivery.workspaceId, id: delivery.id, nextAttemptAt: null, providerId: null };
    if ('cancelled' in outcome) return { ...base, state: 'cancelled', response: null, error: outcome.cancelled };
    const { result } = outcome;
    if (result.accepted) return { ...base, state: 'sent', response: result.response, error: null, providerId: result.providerId ?? null };
    if (result.permanent || result.gone) return { ...base, state: 'failed', response: result.response, error: result.error ?? null };
    const delay = retryDelayMs(delivery.channel, delivery.attempts, random(), result.retryAfterMs);
    if (delay === null) return { ...base, state: 'dead', response: result.response, error: result.error ?? null };
    return { ...base, state: 'pending', nextAttemptAt: new Date(now.getTime() + delay), response: result.response, error: result.error ?? null };
  });

  await db.transaction(async (tx) => {
    const { rows } = await sql<{ workspace_id: string; id: number; state: DeliveryState }>`
      update deliveries d
      set state = u.state,
          next_attempt_at = coalesce(u.next_attempt_at, d.next_attempt_at),
          sent_at = case when u.state = 'sent' then ${now}::timestamptz else d.sent_at end,
          response = left(u.response, 500),
          last_error = left(u.error, 500),
          provider_id = u.provider_id,
          payload = case when u.state = 'pending' then d.payload else null end,
          lease_until = null, lease_token = null, updated_at = ${now}
      from unnest(
        ${updates.map((u) => u.workspaceId)}::text[], ${updates.map((u) => u.id)}::bigint[], ${updates.map((u) => u.state)}::text[],
        ${updates.map((u) => u.nextAttemptAt?.toISOString() ?? null)}::timestamptz[], ${updates.map((u) => u.response)}::text[],
        ${updates.map((u) => u.error)}::text[], ${updates.map((u) => u.providerId)}::text[]
      ) as u(workspace_id, id, state, next_attempt_at, response, error, provider_id)
      where d.workspace_id = u.workspace_id and d.id = u.id and d.state = 'sending' and d.lease_token = ${claim.token}
      returning d.workspace_id, d.id, d.state`.execute(tx);
    const recorded = new Set(rows.map((row) => `${row.workspace_id}:${row.id}`));
    const mine = outcomes.filter((outcome) => recorded.has(`${outcome.delivery.workspaceId}:${outcome.delivery.id}`));
    for (const row of rows) {
      if (row.state === 'pending') counts.retried++;
      else if (row.state !== 'sending') counts[row.state]++;
    }
    await suppressRefusedAddresses(tx, mine, now);
    await trackReceivers(tx, mine, now);
  });
  return counts;
}

/** An e-mail address or number refused for good (a hard bounce, an unknown number) gets nothing more. */
async function suppressRefusedAddresses(tx: Tx, outcomes: Outcome[], now: Date): Promise<void> {
  const refused = outcomes.flatMap((outcome) => {
    if ('cancelled' in outcome || outcome.result.accepted || !(outcome.result.permanent || outcome.result.gone)) return [];
    const { delivery, result } = outcome;
    if (delivery.subscriberId === null || (delivery.channel !== 'email' && delivery.channel !== 'sms')) return [];
    return [{ workspace_id: delivery.workspaceId, channel: delivery.channel, address: delivery.address, reason: 'bounce' as const, detail: (result.response || result.error || '').slice(0, 500), created_at: now }];
  });
  if (refused.length > 0) await tx.insertInto('suppressions').values(refused).onConflict((oc) => oc.doNothing()).execute();
}

/**
 * Webhook subscribers and the team's endpoints keep a count of failures in a row: a success resets
 * it, a 410 or too many failures switch the receiver off (its pending deliveries stay, cancelled at
 * send time), so a dead endpoint does not hold the queue for days.
 */
async function trackReceivers(tx: Tx, outcomes: Outcome[], now: Date): Promise<void> {
  for (const outcome of outcomes) {
    if ('cancelled' in outcome) continue;
    const { delivery, result } = outcome;
    const table = delivery.endpointId !== null ? 'channel_endpoints' : delivery.channel === 'webhook' && delivery.subscriberId !== null ? 'subscribers' : null;
    if (table === null) continue;
    const id = (delivery.endpointId ?? delivery.subscriberId)!;
    if (result.accepted) {
      await tx.updateTable(table).set({ consecutive_failures: 0 }).where('workspace_id', '=', delivery.workspaceId).where('id', '=', id).where('consecutive_failures', '>', 0).execute();
      continue;
    }
    const reason = result.gone ? `The receiver answered that it is gone: ${result.response}` : `${disableAfterFailures} deliveries in a row failed; the last: ${result.error ?? result.response}`;
    await tx
      .updateTable(table)
      .set((eb) => ({
        consecutive_failures: eb('consecutive_failures', '+', 1),
        disabled_at: sql<Date | null>`case when disabled_at is null and (${result.gone ?? false} or consecutive_failures + 1 >= ${disableAfterFailures}) then ${now}::timestamptz else disabled_at end`,
        disabled_reason: sql<string | null>`case when disabled_at is null and (${result.gone ?? false} or consecutive_failures + 1 >= ${disableAfterFailures}) then ${reason.slice(0, 500)} else disabled_reason end`,
      }))
      .where('workspace_id', '=', delivery.workspaceId)
      .where('id', '=', id)
      .execute();
  }
}
