import { sql } from 'kysely';
import type { DatabaseHandle } from '../../adapters/db/connect.ts';
import type { ClaimedDelivery } from '../delivery/claim.ts';

/**
 * Everything a sandbox workspace queued to send — messages, updates, reminders, confirmations, on
 * any channel, due or not (its times are drill times) — is written to drill_sink and marked sent
 * with no transport involved. Rows are taken with SKIP LOCKED, so workers side by side sink each once.
 */
export async function sinkSandboxDeliveries(db: DatabaseHandle, now: Date, limit = 1_000): Promise<number> {
  const { rows } = await sql<{ count: string }>`
    with taken as (
      select d.workspace_id, d.id from deliveries d
      join drills dr on dr.sandbox_workspace_id = d.workspace_id
      where d.state = 'pending'
      order by d.workspace_id, d.id
      limit ${limit}
      for update of d skip locked
    ), sunk as (
      insert into drill_sink (workspace_id, delivery_id, kind, channel, recipient, subject, body, at)
      select d.workspace_id, d.id, d.kind, d.channel, d.address,
        coalesce(v.subject, d.payload ->> 'subject'),
        coalesce(v.body, u.body, d.payload ->> 'text', ''),
        ${now}
      from taken t
      join deliveries d on d.workspace_id = t.workspace_id and d.id = t.id
      left join message_variants v on v.workspace_id = d.workspace_id and v.id = d.variant_id
      left join incident_updates u on u.workspace_id = d.workspace_id and u.id = d.update_id
      on conflict (workspace_id, delivery_id) do nothing
    ), marked as (
      update deliveries d set state = 'sent', sent_at = ${now}, updated_at = ${now}, response = 'drill sink: not sent', lease_until = null, lease_token = null
      from taken t where d.workspace_id = t.workspace_id and d.id = t.id
      returning 1
    )
    select count(*)::text as count from marked`.execute(db.db);
  return Number(rows[0]?.count ?? 0);
}

/** The workspaces among `workspaceIds` that are drill sandboxes. */
export async function sandboxWorkspaces(db: DatabaseHandle, workspaceIds: string[]): Promise<Set<string>> {
  if (workspaceIds.length === 0) return new Set();
  const rows = await db.db.selectFrom('drills').select('sandbox_workspace_id').where('sandbox_workspace_id', 'in', [...new Set(workspaceIds)]).execute();
  return new Set(rows.map((row) => row.sandbox_workspace_id));
}

/** Sandbox deliveries a worker claimed all the same: written to the sink instead of being sent. */
export async function sinkClaimedDeliveries(db: DatabaseHandle, deliveries: ClaimedDelivery[], now: Date): Promise<void> {
  if (deliveries.length === 0) return;
  await sql`
    insert into drill_sink (workspace_id, delivery_id, kind, channel, recipient, subject, body, at)
    select d.workspace_id, d.id, d.kind, d.channel, d.address,
      coalesce(v.subject, d.payload ->> 'subject'), coalesce(v.body, u.body, d.payload ->> 'text', ''), ${now}
    from deliveries d
    left join message_variants v on v.workspace_id = d.workspace_id and v.id = d.variant_id
    left join incident_updates u on u.workspace_id = d.workspace_id and u.id = d.update_id
    where (d.workspace_id, d.id) in (${sql.join(deliveries.map((d) => sql`(${d.workspaceId}, ${d.id}::bigint)`))})
    on conflict (workspace_id, delivery_id) do nothing`.execute(db.db);
}
