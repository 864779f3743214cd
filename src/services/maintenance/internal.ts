import { z } from 'zod';
import type { Db, Tx } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { ConflictError, InvalidError, NotFoundError } from '../../domain/errors.ts';
import {
  componentEffect,
  maintenanceStatuses,
  stampsFor,
  statusWhenHeld,
  statusWhenReleased,
  type MaintenanceStatus,
} from '../../domain/maintenance/lifecycle.ts';
import { newId } from '../../domain/ids.ts';
import { actorColumns, type Ctx } from '../context.ts';
import { Id } from '../schemas.ts';
import { applyComponentStatus, currentStatusCause, fetchComponent } from '../component/component-status.ts';

/** The components a maintenance covers: each once, in a stable order (the order rows are locked in). */
export const ComponentIds = z
  .array(Id)
  .max(500)
  .transform((ids) => [...new Set(ids)].sort());

export async function fetchMaintenance(tx: Tx, ctx: Ctx, id: string, forUpdate = false): Promise<Row<'maintenances'>> {
  let query = tx.selectFrom('maintenances').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFoundError('maintenance', id);
  return row;
}

export async function assertComponentsExist(tx: Tx, ctx: Ctx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await tx.selectFrom('components').select('id').where('workspace_id', '=', ctx.workspaceId).where('id', 'in', ids).execute();
  const known = new Set(found.map((row) => row.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0) {
    throw new InvalidError(
      `No component with id ${missing.map((id) => `"${id}"`).join(', ')} in this workspace.`,
      [{ pointer: '/component_ids', detail: `no such component in this workspace: ${missing.join(', ')}` }],
      'component-not-found',
    );
  }
}

export async function componentIdsOf(tx: Tx, ctx: Ctx, maintenanceId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('maintenance_components')
    .select('component_id')
    .where('workspace_id', '=', ctx.workspaceId)
    .where('maintenance_id', '=', maintenanceId)
    .orderBy('component_id')
    .execute();
  return rows.map((row) => row.component_id);
}

/**
 * Enqueues the two moments the schedule acts, in the caller's transaction: a rolled-back schedule
 * enqueues nothing. A job fired for an old window finds nothing due: the row, not the job, decides.
 */
export async function enqueueAdvance(tx: Tx, ctx: Ctx, row: Row<'maintenances'>): Promise<void> {
  for (const at of [row.scheduled_for, row.scheduled_until]) {
    await ctx.queue.send(
      'maintenance.advance',
      { workspace_id: row.workspace_id, maintenance_id: row.id },
      { tx, startAfter: at, key: `maintenance:${row.id}:${at.toISOString()}` },
    );
  }
}

/** The display time of the newest update: an automatic one is never shown before what it follows. */
export async function latestDisplayAt(tx: Tx, ctx: Ctx, maintenanceId: string): Promise<Date | null> {
  const row = await tx
    .selectFrom('maintenance_updates')
    .select((eb) => eb.fn.max('display_at').as('latest'))
    .where('workspace_id', '=', ctx.workspaceId)
    .where('maintenance_id', '=', maintenanceId)
    .executeTakeFirst();
  return row?.latest ? new Date(row.latest) : null;
}

/**
 * Adds an update to a maintenance and moves it to the update's status, with the stamps and
 * component changes the transition implies. The move is conditional on the status and version
 * read: it returns null, having written nothing, when someone else moved the maintenance first.
 */
export async function recordMaintenanceUpdate(
  tx: Tx,
  ctx: Ctx,
  row: Row<'maintenances'>,
  update: { status: MaintenanceStatus; body: string; displayAt: Date },
): Promise<Row<'maintenances'> | null> {
  const stamps = stampsFor(row.status, update.status, update.displayAt);
  const moved = await tx
    .updateTable('maintenances')
    .set({
      status: update.status,
      ...(stamps.startedAt && !row.started_at ? { started_at: stamps.startedAt } : {}),
      ...(stamps.completedAt ? { completed_at: stamps.completedAt } : {}),
      updated_at: ctx.now(),
      version: row.version + 1,
    })
    .where('workspace_id', '=', ctx.workspaceId)
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .where('version', '=', row.version)
    .returningAll()
    .executeTakeFirst();
  if (!moved) return null;
  await tx
    .insertInto('maintenance_updates')
    .values({
      workspace_id: ctx.workspaceId,
      id: newId(),
      maintenance_id: row.id,
      status: update.status,
      body: update.body,
      ...actorColumns(ctx.actor),
      created_at: ctx.now(),
      display_at: update.displayAt,
    })
    .execute();
  const effect = componentEffect(row.status, update.status);
  switch (effect) {
    case 'hold':
      await holdComponents(tx, ctx, row.id, await componentIdsOf(tx, ctx, row.id));
      break;
    case 'release':
      await releaseComponents(tx, ctx, row.id, await componentIdsOf(tx, ctx, row.id));
      break;
    case 'none':
      break;
  }
  return moved;
}

/** A maintenance that cannot move because it changed under a lock we hold: a bug, not a user error. */
export function changedUnderLock(id: string): never {
  throw new ConflictError('maintenance-changed', `The maintenance "${id}" changed while it was being updated; try again.`);
}

/** Puts the components under maintenance as the work starts (ids sorted: rows are locked in that order). */
export async function holdComponents(tx: Tx, ctx: Ctx, maintenanceId: string, componentIds: string[]): Promise<void> {
  for (const componentId of [...componentIds].sort()) {
    const component = await fetchComponent(tx, ctx, componentId, true);
    const status = statusWhenHeld(component.status);
    if (status) await applyComponentStatus(tx, ctx, componentId, status, { maintenanceId });
  }
}

/**
 * Hands components back as the work ends: to operational when still under maintenance because of
 * a maintenance and not covered by another one in progress. The component row is locked before
 * the other maintenances are read, so two maintenances ending at once cannot both leave it held.
 */
export async function releaseComponents(tx: Tx, ctx: Ctx, maintenanceId: string, componentIds: string[]): Promise<void> {
  for (const componentId of [...componentIds].sort()) {
    const component = await fetchComponent(tx, ctx, componentId, true);
    if (component.status !== 'under_maintenance') continue;
    const cause = await currentStatusCause(tx, ctx, componentId);
    const other = await tx
      .selectFrom('maintenance_components as mc')
      .innerJoin('maintenances as m', (join) => join.onRef('m.workspace_id', '=', 'mc.workspace_id').onRef('m.id', '=', 'mc.maintenance_id'))
      .select('m.id')
      .where('mc.workspace_id', '=', ctx.workspaceId)
      .where('mc.component_id', '=', componentId)
      .where('m.id', '<>', maintenanceId)
      .where('m.status', 'in', ['in_progress', 'verifying'])
      .limit(1)
      .executeTakeFirst();
    const status = statusWhenReleased({
      status: component.status,
      isSetByMaintenance: cause?.maintenanceId != null,
      isHeldByAnotherMaintenance: other !== undefined,
    });
    if (status) await applyComponentStatus(tx, ctx, componentId, status, { maintenanceId });
  }
}

export type PresentedMaintenance = ReturnType<typeof presentMaintenance>;

/** Loads and presents one maintenance with its components and timeline. */
export async function loadMaintenance(tx: Tx, ctx: Ctx, id: string): Promise<PresentedMaintenance> {
  const [presented] = await presentRows(tx, ctx.workspaceId, [await fetchMaintenance(tx, ctx, id)]);
  return presented!;
}

/** Presents a page of maintenances, loading their components and updates in two queries. */
export async function presentRows(db: Db, workspaceId: string, rows: Row<'maintenances'>[]): Promise<PresentedMaintenance[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [components, updates] = await Promise.all([
    db.selectFrom('maintenance_components').select(['maintenance_id', 'component_id']).where('workspace_id', '=', workspaceId).where('maintenance_id', 'in', ids).orderBy('component_id').execute(),
    db.selectFrom('maintenance_updates').selectAll().where('workspace_id', '=', workspaceId).where('maintenance_id', 'in', ids).execute(),
  ]);
  return rows.map((row) =>
    presentMaintenance(
      row,
      components.filter((c) => c.maintenance_id === row.id).map((c) => c.component_id),
      updates.filter((u) => u.maintenance_id === row.id),
    ),
  );
}

/** The public shape of a maintenance: an allow-list, never the row. Updates newest first. */
export function presentMaintenance(row: Row<'maintenances'>, componentIds: string[], updates: Row<'maintenance_updates'>[]) {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    impact: 'maintenance' as const,
    scheduled_for: row.scheduled_for.toISOString(),
    scheduled_until: row.scheduled_until.toISOString(),
    auto_start: row.auto_start,
    auto_complete: row.auto_complete,
    started_at: row.started_at?.toISOString() ?? null,
    completed_at: row.completed_at?.toISOString() ?? null,
    component_ids: componentIds,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    version: row.version,
    updates: [...updates].sort(newestFirst).map((update) => ({
      id: update.id,
      status: update.status,
      body: update.body,
      author: { type: update.author_type, id: update.author_id, name: update.author_name },
      created_at: update.created_at.toISOString(),
      display_at: update.display_at.toISOString(),
    })),
  };
}

// Updates written in one transaction share created_at; the lifecycle only moves forward, so the
// later status is the newer update (a start and a completion caught up together).
function newestFirst(a: Row<'maintenance_updates'>, b: Row<'maintenance_updates'>): number {
  return (
    b.display_at.getTime() - a.display_at.getTime() ||
    b.created_at.getTime() - a.created_at.getTime() ||
    maintenanceStatuses.indexOf(b.status) - maintenanceStatuses.indexOf(a.status) ||
    (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)
  );
}
