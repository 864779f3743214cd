import type { DatabaseHandle, Tx } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { drillTime, type DrillClock } from '../../domain/drills/clock.ts';
import { findScenario } from '../../domain/drills/scenarios.ts';
import type { Scenario } from '../../domain/drills/scenario.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Ctx } from '../context.ts';

type Db = DatabaseHandle['db'] | Tx;

export const clockOf = (drill: Pick<Row<'drills'>, 'speed' | 'started_at' | 'drill_started_at' | 'finished_at'>): DrillClock => ({
  speed: drill.speed,
  startedAt: drill.started_at,
  drillStartedAt: drill.drill_started_at,
  finishedAt: drill.finished_at,
});

/** A drill of the caller's (real) workspace, or 404. */
export async function fetchDrill(db: Db, ctx: Pick<Ctx, 'workspaceId'>, id: string, forUpdate = false): Promise<Row<'drills'>> {
  let query = db.selectFrom('drills').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFoundError('drill', id);
  return row;
}

/** The drill a sandbox workspace belongs to; undefined for a real workspace. */
export async function drillOfSandbox(db: Db, sandboxWorkspaceId: string): Promise<Row<'drills'> | undefined> {
  return db.selectFrom('drills').selectAll().where('sandbox_workspace_id', '=', sandboxWorkspaceId).executeTakeFirst();
}

export function scenarioOf(drill: Pick<Row<'drills'>, 'scenario'>): Scenario {
  const scenario = findScenario(drill.scenario);
  // Scenarios are code: a drill row names one that shipped when it was created.
  if (!scenario) throw new Error(`The drill's scenario "${drill.scenario}" is no longer in the library.`);
  return scenario;
}

/** A context acting in the drill's sandbox at drill time: how the scenario and the score reach it. */
export function sandboxCtx(base: Pick<Ctx, 'db' | 'queue'>, drill: Row<'drills'>, realNow: () => Date, tx?: Tx): Ctx {
  return {
    workspaceId: drill.sandbox_workspace_id,
    actor: { type: 'system', name: 'Drill scenario' },
    db: base.db,
    queue: base.queue,
    now: () => drillTime(clockOf(drill), realNow()),
    ...(tx ? { tx } : {}),
  };
}

/** The incident the scenario opened in the sandbox, once it did. */
export async function drillIncidentId(db: Db, drill: Pick<Row<'drills'>, 'workspace_id' | 'id'>): Promise<string | null> {
  const row = await db
    .selectFrom('drill_injects')
    .select('incident_id')
    .where('workspace_id', '=', drill.workspace_id)
    .where('drill_id', '=', drill.id)
    .where('inject_key', '=', openingKey)
    .executeTakeFirst();
  return row?.incident_id ?? null;
}

/** The drill_injects key of the scenario's opening: the incident declared at drill minute 0. */
export const openingKey = '@incident';
