import { z } from 'zod';
import type { Db, Tx } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { ConflictError, InvalidError, NotFoundError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Id, Language, Name, parseInput } from '../schemas.ts';

// The customers a processor holds personal data for: whom its breach notices go to (GDPR Art. 33(2)).

function present(row: Row<'data_controllers'>, componentIds: string[]) {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    language: row.language,
    all_components: row.all_components,
    component_ids: row.all_components ? [] : componentIds,
    active: row.active,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    version: row.version,
  };
}
export type DataController = ReturnType<typeof present>;

async function componentsOf(db: Db, ctx: Ctx, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('data_controller_components as dc')
    .innerJoin('components as c', (join) => join.onRef('c.workspace_id', '=', 'dc.workspace_id').onRef('c.id', '=', 'dc.component_id'))
    .select(['dc.controller_id', 'dc.component_id'])
    .where('dc.workspace_id', '=', ctx.workspaceId)
    .where('dc.controller_id', 'in', ids)
    .orderBy('c.position')
    .orderBy('c.id')
    .execute();
  for (const row of rows) map.set(row.controller_id, [...(map.get(row.controller_id) ?? []), row.component_id]);
  return map;
}

async function fetchController(db: Db, ctx: Ctx, id: string, forUpdate = false): Promise<Row<'data_controllers'>> {
  let query = db.selectFrom('data_controllers').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFoundError('data-controller', id);
  return row;
}

export async function listDataControllers({ ctx }: { ctx: Ctx }) {
  authorize(ctx, 'regulatory.read');
  const db = ctx.tx ?? ctx.db.db;
  const rows = await db.selectFrom('data_controllers').selectAll().where('workspace_id', '=', ctx.workspaceId).orderBy('name').orderBy('id').execute();
  const components = await componentsOf(db, ctx, rows.map((row) => row.id));
  return { data_controllers: rows.map((row) => present(row, components.get(row.id) ?? [])) };
}

export async function getDataController({ ctx, id }: { ctx: Ctx; id: string }) {
  authorize(ctx, 'regulatory.read');
  const db = ctx.tx ?? ctx.db.db;
  const row = await fetchController(db, ctx, id);
  return present(row, (await componentsOf(db, ctx, [id])).get(id) ?? []);
}

const Fields = {
  /** The customer's name, unique in the workspace. */
  name: Name,
  /** Their data protection officer or privacy contact: where the notice goes. */
  email: z.email().max(320),
  language: Language,
  /** The components whose breaches concern them; empty: every component. */
  component_ids: z.array(Id).max(500),
  /** false: kept on file, told nothing. */
  active: z.boolean(),
};
export const CreateDataControllerInput = z.strictObject({ ...Fields, component_ids: Fields.component_ids.default([]), active: Fields.active.default(true) });
export type CreateDataControllerInput = z.input<typeof CreateDataControllerInput>;
export const UpdateDataControllerInput = z.strictObject({
  name: Fields.name.optional(), email: Fields.email.optional(), language: Fields.language.optional(), component_ids: Fields.component_ids.optional(), active: Fields.active.optional(),
});
export type UpdateDataControllerInput = z.input<typeof UpdateDataControllerInput>;

async function setComponents(tx: Tx, ctx: Ctx, controllerId: string, ids: string[]): Promise<void> {
  if (ids.length > 0) {
    const found = await tx.selectFrom('components').select('id').where('workspace_id', '=', ctx.workspaceId).where('id', 'in', ids).execute();
    const known = new Set(found.map((row) => row.id));
    const issues = ids.flatMap((id, i) => (known.has(id) ? [] : [{ pointer: `/component_ids/${i}`, detail: `no component has the id "${id}"` }]));
    if (issues.length > 0) throw new InvalidError(`The data controller cannot be saved: ${issues.map((i) => `${i.pointer}: ${i.detail}`).join('; ')}.`, issues);
  }
  await tx.deleteFrom('data_controller_components').where('workspace_id', '=', ctx.workspaceId).where('controller_id', '=', controllerId).execute();
  if (ids.length > 0) await tx.insertInto('data_controller_components').values(ids.map((component_id) => ({ workspace_id: ctx.workspaceId, controller_id: controllerId, component_id }))).execute();
}

async function assertNameFree(tx: Tx, ctx: Ctx, name: string, exceptId?: string): Promise<void> {
  let query = tx.selectFrom('data_controllers').select('id').where('workspace_id', '=', ctx.workspaceId).where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptId) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst()) throw new ConflictError('data-controller-taken', `A data controller is already named "${name}": edit that one.`);
}

export async function createDataController({ ctx, input }: { ctx: Ctx; input: CreateDataControllerInput }) {
  authorize(ctx, 'regulatory.manage');
  const data = parseInput(CreateDataControllerInput, input);
  return withTransaction(ctx, async (tx) => {
    await assertNameFree(tx, ctx, data.name);
    const components = [...new Set(data.component_ids)];
    const now = ctx.now();
    const row = await tx
      .insertInto('data_controllers')
      .values({ workspace_id: ctx.workspaceId, id: newId(), name: data.name, email: data.email.toLowerCase(), language: data.language, all_components: components.length === 0, active: data.active, created_at: now, updated_at: now, version: 1 })
      .returningAll()
      .executeTakeFirstOrThrow();
    await setComponents(tx, ctx, row.id, components);
    const after = present(row, components);
    await recordAudit(tx, ctx, { action: 'data_controller.create', entityType: 'data_controller', entityId: row.id, after });
    return after;
  });
}

export async function updateDataController({ ctx, id, input, expectedVersion }: { ctx: Ctx; id: string; input: UpdateDataControllerInput; expectedVersion?: number }) {
  authorize(ctx, 'regulatory.manage');
  const data = parseInput(UpdateDataControllerInput, input);
  return withTransaction(ctx, async (tx) => {
    const row = await fetchController(tx, ctx, id, true);
    checkVersion('data controller', row.version, expectedVersion);
    const before = present(row, (await componentsOf(tx, ctx, [id])).get(id) ?? []);
    if (data.name !== undefined) await assertNameFree(tx, ctx, data.name, id);
    const components = data.component_ids ? [...new Set(data.component_ids)] : undefined;
    if (components) await setComponents(tx, ctx, id, components);
    const updated = await tx
      .updateTable('data_controllers')
      .set({
        ...(data.name !== undefined ? { name: data.name } : {}),
        ...(data.email !== undefined ? { email: data.email.toLowerCase() } : {}),
        ...(data.language !== undefined ? { language: data.language } : {}),
        ...(data.active !== undefined ? { active: data.active } : {}),
        ...(components ? { all_components: components.length === 0 } : {}),
        updated_at: ctx.now(),
        version: row.version + 1,
      })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = present(updated, components ?? before.component_ids);
    await recordAudit(tx, ctx, { action: 'data_controller.update', entityType: 'data_controller', entityId: id, before, after });
    return after;
  });
}

/** Removes a controller from the file; the notices already sent stay in the deliveries and the audit log. */
export async function deleteDataController({ ctx, id, expectedVersion }: { ctx: Ctx; id: string; expectedVersion?: number }) {
  authorize(ctx, 'regulatory.manage');
  return withTransaction(ctx, async (tx) => {
    const row = await fetchController(tx, ctx, id, true);
    checkVersion('data controller', row.version, expectedVersion);
    const before = present(row, (await componentsOf(tx, ctx, [id])).get(id) ?? []);
    await tx.deleteFrom('data_controllers').where('workspace_id', '=', ctx.workspaceId).where('id', '=', id).execute();
    await recordAudit(tx, ctx, { action: 'data_controller.delete', entityType: 'data_controller', entityId: id, before });
  });
}

/**
 * The active controllers a breach of this incident concerns: those following one of its components,
 * or all of them, or any when the incident names none (as subscribers hear of it).
 */
export async function affectedControllers(db: Db, ctx: Ctx, incidentId: string): Promise<Row<'data_controllers'>[]> {
  return db
    .selectFrom('data_controllers as d')
    .selectAll('d')
    .where('d.workspace_id', '=', ctx.workspaceId)
    .where('d.active', '=', true)
    .where((eb) =>
      eb.or([
        eb('d.all_components', '=', true),
        eb.not(eb.exists(eb.selectFrom('incident_components as ic').select('ic.component_id').whereRef('ic.workspace_id', '=', 'd.workspace_id').where('ic.incident_id', '=', incidentId))),
        eb.exists(
          eb
            .selectFrom('data_controller_components as dc')
            .innerJoin('incident_components as ic', (join) => join.onRef('ic.workspace_id', '=', 'dc.workspace_id').onRef('ic.component_id', '=', 'dc.component_id'))
            .select('dc.component_id')
            .whereRef('dc.workspace_id', '=', 'd.workspace_id')
            .whereRef('dc.controller_id', '=', 'd.id')
            .where('ic.incident_id', '=', incidentId),
        ),
      ]),
    )
    .orderBy('d.name')
    .execute();
}
