import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../adapters/db/connect.ts';

/**
 * What a sandbox starts from, in an order that satisfies the foreign keys. Ids stay the same: every
 * key leads with workspace_id. Publish targets, channel endpoints, API tokens, sessions, incidents
 * and deliveries are never copied: a sandbox has no way out but its own site folder and the sink.
 */
const copied: Array<{ table: string; set?: Record<string, RawBuilder<unknown>> }> = [
  { table: 'component_groups' },
  // The drill starts from a calm board, whatever the real one shows now.
  { table: 'components', set: { status: sql`'operational'` } },
  { table: 'comms_settings' },
  { table: 'message_templates' },
  { table: 'glossary_terms' },
  { table: 'regulatory_profiles' },
  {
    table: 'status_pages',
    // No public address: links in the sandbox's messages must not point at the real page.
    set: { url: sql`null`, build_lease_until: sql`null`, published_at: sql`null`, next_publish_at: sql`null`, last_publish_error: sql`null`, publish_failures: sql`0`, published_version: sql`0` },
  },
  { table: 'memberships' },
  // Real subscribers, so fan-out figures are real; new manage tokens, so a real link never opens a sandbox row.
  { table: 'subscribers', set: { manage_token: sql`'drill-' || md5(random()::text || id)`, webhook_secret: sql`null` } },
  { table: 'subscriber_components' },
];

/** Copies the real workspace's settings, people and audiences into its sandbox, in the caller's transaction. */
export async function copyIntoSandbox(tx: Tx, realWorkspaceId: string, sandboxWorkspaceId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table, set = {} } of copied) {
    const { rows } = await sql<{ column_name: string }>`
      select column_name from information_schema.columns
      where table_schema = current_schema() and table_name = ${table} and is_generated = 'NEVER' and (is_identity = 'NO' or is_identity is null)
      order by ordinal_position`.execute(tx);
    const columns = rows.map((row) => row.column_name);
    const values = columns.map((column) => (column === 'workspace_id' ? sql`${sandboxWorkspaceId}` : (set[column] ?? sql.ref(column))));
    const result = await sql`
      insert into ${sql.table(table)} (${sql.join(columns.map((column) => sql.ref(column)))})
      select ${sql.join(values)} from ${sql.table(table)} where workspace_id = ${realWorkspaceId}`.execute(tx);
    counts[table] = Number(result.numAffectedRows ?? 0);
  }
  return counts;
}
