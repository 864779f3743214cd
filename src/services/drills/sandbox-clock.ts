import type { DatabaseHandle } from '../../adapters/db/connect.ts';
import type { DrillClock } from '../../domain/drills/clock.ts';
import type { DrillState } from '../../adapters/db/tables/drills.ts';
import { clockOf, drillOfSandbox } from './internal.ts';

/** The drill clock of a sandbox workspace and its drill's state; undefined for a real workspace. */
export async function sandboxClock(db: DatabaseHandle, workspaceId: string): Promise<{ clock: DrillClock; state: DrillState } | undefined> {
  const drill = await drillOfSandbox(db.db, workspaceId);
  return drill && { clock: clockOf(drill), state: drill.state };
}
