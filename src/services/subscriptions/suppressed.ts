import type { Db } from '../../adapters/db/connect.ts';

/** Why each of these addresses is suppressed (bounce, complaint, manual), keyed `channel:address`. */
export async function suppressionsOf(db: Db, workspaceId: string, subscribers: Array<{ channel: string; address: string }>): Promise<Map<string, string>> {
  const addresses = [...new Set(subscribers.filter((s) => s.channel !== 'webhook').map((s) => s.address))];
  if (addresses.length === 0) return new Map();
  const rows = await db.selectFrom('suppressions').select(['channel', 'address', 'reason']).where('workspace_id', '=', workspaceId).where('address', 'in', addresses).execute();
  return new Map(rows.map((row) => [`${row.channel}:${row.address}`, row.reason]));
}
