import type { DatabaseHandle } from '../../adapters/db/connect.ts';
import { drillTime } from '../../domain/drills/clock.ts';
import { clockOf, drillOfSandbox, openingKey, scenarioOf } from './internal.ts';

/**
 * The drill a sandbox session plays, as the console's banner and feed show it; null in a real
 * workspace. Drill time is given with the real time it was read at, so a reader can run the clock.
 */
export async function currentDrill(db: DatabaseHandle, workspaceId: string, realNow: Date) {
  const drill = await drillOfSandbox(db.db, workspaceId);
  if (!drill) return null;
  const scenario = scenarioOf(drill);
  const [real, delivered] = await Promise.all([
    db.db.selectFrom('workspaces').select(['id', 'slug', 'name']).where('id', '=', drill.workspace_id).executeTakeFirstOrThrow(),
    db.db.selectFrom('drill_injects').select(['inject_key', 'drill_at']).where('workspace_id', '=', drill.workspace_id).where('drill_id', '=', drill.id).where('inject_key', '!=', openingKey).execute(),
  ]);
  const at = new Map(delivered.map((row) => [row.inject_key, row.drill_at]));
  return {
    id: drill.id,
    scenario: { key: scenario.key, title: scenario.title },
    speed: drill.speed,
    state: drill.state,
    drill_time: drillTime(clockOf(drill), realNow).toISOString(),
    real_time: realNow.toISOString(),
    /** Drill time runs: speed drill milliseconds per real millisecond while running. */
    running: drill.state === 'running',
    real_workspace: real,
    feed: scenario.injects
      .filter((inject) => at.has(inject.key))
      .map((inject) => ({ key: inject.key, kind: inject.kind, at_minute: inject.atMinute, drill_at: at.get(inject.key)!.toISOString(), from: inject.from, text: inject.text }))
      .reverse(),
  };
}
