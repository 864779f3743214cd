import { z } from 'zod';
import { ConflictError, InvalidError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { drillSpeeds } from '../../domain/drills/clock.ts';
import { mapComponents } from '../../domain/drills/scenario.ts';
import { findScenario, scenarios } from '../../domain/drills/scenarios.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';
import { copyIntoSandbox } from './copy-workspace.ts';
import { drillOfSandbox } from './internal.ts';
import { presentDrill } from './present-drill.ts';

export const CreateDrillInput = z.strictObject({
  scenario: z.string().max(64).describe(`A scenario of the library: ${scenarios.map((s) => s.key).join(', ')}`),
  /** Drill minutes per real minute. (Default: 60) */
  speed: z.number().int().min(1).max(600).default(60).describe(`Drill minutes per real minute, 1 to 600 (${drillSpeeds.join(', ')} are usual). Default 60`),
});
export type CreateDrillInput = z.input<typeof CreateDrillInput>;

/**
 * Prepares a drill: a sandbox workspace, copied from the real one (components, settings, templates,
 * glossary, regulatory profile, pages, people, subscribers), with the scenario's missing components
 * added. Nothing runs until the drill is started.
 */
export async function createDrill({ ctx, input }: { ctx: Ctx; input: CreateDrillInput }) {
  authorize(ctx, 'drill.run');
  const data = parseInput(CreateDrillInput, input);
  const scenario = findScenario(data.scenario);
  if (!scenario) {
    throw new InvalidError(`No scenario "${data.scenario}" in the library.`, [{ pointer: '/scenario', detail: `must be one of ${scenarios.map((s) => s.key).join(', ')}` }]);
  }
  const now = ctx.now();
  return withTransaction(ctx, async (tx) => {
    if (await drillOfSandbox(tx, ctx.workspaceId)) throw new ConflictError('drill-in-sandbox', 'This is a drill\'s sandbox: drills are prepared from the real workspace.');
    const real = await tx.selectFrom('workspaces').selectAll().where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow();
    const id = newId();
    const sandboxId = newId();
    await tx
      .insertInto('workspaces')
      .values({ id: sandboxId, slug: `drill-${id}`, name: `${real.name} — ${scenario.title[real.default_language]}`.slice(0, 200), time_zone: real.time_zone, default_language: real.default_language, created_at: now, updated_at: now })
      .execute();
    const copied = await copyIntoSandbox(tx, ctx.workspaceId, sandboxId);
    const existing = await tx.selectFrom('components').select(['id', 'position']).where('workspace_id', '=', sandboxId).orderBy('position').orderBy('id').execute();
    let position = existing.reduce((max, c) => Math.max(max, c.position), -1);
    for (const { role, component } of mapComponents(scenario, existing)) {
      if (component) continue;
      await tx
        .insertInto('components')
        .values({ workspace_id: sandboxId, id: newId(), group_id: null, name: role.name[real.default_language], description: null, position: ++position, status: 'operational', start_date: null, created_at: now, updated_at: now })
        .execute();
    }
    const row = await tx
      .insertInto('drills')
      .values({ workspace_id: ctx.workspaceId, id, sandbox_workspace_id: sandboxId, scenario: scenario.key, speed: data.speed, created_by_name: ctx.actor.name, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'drill.create', entityType: 'drill', entityId: id, after: { scenario: scenario.key, speed: data.speed, sandbox_workspace_id: sandboxId, copied } });
    return presentDrill(row, { now: ctx.now(), sandboxSlug: `drill-${id}`, injects: [], sink: 0 });
  });
}
