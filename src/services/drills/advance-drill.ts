import type { DatabaseHandle, Tx } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import type { Queue } from '../../adapters/queue/queue.ts';
import { drillMinutes } from '../../domain/drills/clock.ts';
import { dueInjects, type Inject, type Scenario } from '../../domain/drills/scenario.ts';
import { addFactEntry } from '../facts/add-fact-entry.ts';
import { openIncident } from '../incident/open-incident.ts';
import type { Ctx } from '../context.ts';
import { clockOf, drillIncidentId, openingKey, sandboxCtx, scenarioOf } from './internal.ts';

export interface AdvanceDeps {
  db: DatabaseHandle;
  queue: Queue;
  /** Real time. */
  now: () => Date;
}

/**
 * Delivers into the sandbox what the scenario holds up to the drill's clock: the incident declared
 * at minute 0, then each due inject (an alert becomes a known fact, a social post a rumor on the fact
 * sheet; calls, questions and e-mails land in the drill feed). Each once, whatever the number of
 * workers: its drill_injects key is inserted in the transaction that delivers it.
 */
export async function advanceDrill(deps: AdvanceDeps, drillRef: Pick<Row<'drills'>, 'workspace_id' | 'id'>, tx?: Tx): Promise<string[]> {
  const db = tx ?? deps.db.db;
  const drill = await db.selectFrom('drills').selectAll().where('workspace_id', '=', drillRef.workspace_id).where('id', '=', drillRef.id).executeTakeFirstOrThrow();
  if (drill.state !== 'running' || !drill.drill_started_at) return [];
  const scenario = scenarioOf(drill);
  const elapsed = drillMinutes(clockOf(drill), deps.now());
  const delivered: string[] = [];
  const run = <T>(fn: (tx: Tx) => Promise<T>) => (tx ? fn(tx) : deps.db.transaction(fn));

  const opened = await run(async (inner) => deliverOnce(inner, drill, openingKey, 0, async (ctx) => ({ incidentId: await openDrillIncident(ctx, scenario) })));
  if (opened) delivered.push(openingKey);
  const incidentId = await drillIncidentId(db, drill);
  for (const inject of dueInjects(scenario, elapsed)) {
    const done = await run(async (inner) => deliverOnce(inner, drill, inject.key, inject.atMinute, (ctx) => applyInject(ctx, incidentId, inject)));
    if (done) delivered.push(inject.key);
  }
  return delivered;

  async function deliverOnce(inner: Tx, row: Row<'drills'>, key: string, atMinute: number, apply: (ctx: Ctx) => Promise<{ incidentId?: string; factEntryId?: string }>): Promise<boolean> {
    const drillAt = new Date(row.drill_started_at!.getTime() + atMinute * 60_000);
    const claimed = await inner
      .insertInto('drill_injects')
      .values({ workspace_id: row.workspace_id, drill_id: row.id, inject_key: key, delivered_at: deps.now(), drill_at: drillAt, incident_id: null, fact_entry_id: null })
      .onConflict((oc) => oc.columns(['workspace_id', 'drill_id', 'inject_key']).doNothing())
      .returning('inject_key')
      .executeTakeFirst();
    if (!claimed) return false;
    // The scenario acts at the inject's own drill time, not when a worker got to it.
    const ctx = { ...sandboxCtx(deps, row, deps.now, inner), now: () => drillAt };
    const effect = await apply(ctx);
    await inner
      .updateTable('drill_injects')
      .set({ incident_id: effect.incidentId ?? null, fact_entry_id: effect.factEntryId ?? null })
      .where('workspace_id', '=', row.workspace_id)
      .where('drill_id', '=', row.id)
      .where('inject_key', '=', key)
      .execute();
    return true;
  }
}

/** Declared inside the cell, as a real alert would be: nothing public until the participants publish. */
async function openDrillIncident(ctx: Ctx, scenario: Scenario): Promise<string> {
  const db = ctx.tx!;
  const workspace = await db.selectFrom('workspaces').select('default_language').where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow();
  const components = await db.selectFrom('components').select('id').where('workspace_id', '=', ctx.workspaceId).orderBy('position').orderBy('id').limit(scenario.components.length).execute();
  const incident = await openIncident({
    ctx,
    input: { name: scenario.incidentName[workspace.default_language], impact: scenario.impact, component_ids: components.map((c) => c.id), detected_at: ctx.now().toISOString(), deliver_notifications: false },
  });
  return incident.id;
}

async function applyInject(ctx: Ctx, incidentId: string | null, inject: Inject): Promise<{ factEntryId?: string }> {
  if (!incidentId) return {};
  const db = ctx.tx!;
  const workspace = await db.selectFrom('workspaces').select('default_language').where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow();
  const text = inject.text[workspace.default_language];
  const source = inject.from[workspace.default_language];
  const notedAt = ctx.now().toISOString();
  switch (inject.kind) {
    case 'alert':
      return { factEntryId: (await addFactEntry({ ctx, incidentId, input: { kind: 'known', text, source, noted_at: notedAt } })).id };
    case 'social_post':
      return { factEntryId: (await addFactEntry({ ctx, incidentId, input: { kind: 'rumor', text, source, noted_at: notedAt } })).id };
    case 'press_call':
    case 'regulator_question':
    case 'customer_email':
    case 'internal_note':
      // Questions and notes are for the cell to answer, not facts: they stay in the drill feed.
      return {};
  }
}

/** Every running drill, advanced to its clock: the worker's sweep. */
export async function advanceRunningDrills(deps: AdvanceDeps): Promise<number> {
  const running = await deps.db.db.selectFrom('drills').select(['workspace_id', 'id']).where('state', '=', 'running').execute();
  let delivered = 0;
  for (const drill of running) delivered += (await advanceDrill(deps, drill)).length;
  return delivered;
}
