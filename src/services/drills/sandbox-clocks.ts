import type { DatabaseHandle } from '../../adapters/db/connect.ts';
import { drillTime } from '../../domain/drills/clock.ts';
import { clockOf } from './internal.ts';

/** Every sandbox workspace with its drill time at real time `now`, and whether its drill runs. */
export async function sandboxClocks(db: DatabaseHandle, now: Date): Promise<Map<string, { now: Date; running: boolean }>> {
  const rows = await db.db.selectFrom('drills').select(['sandbox_workspace_id', 'state', 'speed', 'started_at', 'drill_started_at', 'finished_at']).execute();
  return new Map(rows.map((row) => [row.sandbox_workspace_id, { now: drillTime(clockOf(row), now), running: row.state === 'running' }]));
}
