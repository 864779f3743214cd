import type { Tx } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import type { ComponentStatus } from '../../domain/component/status.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Ctx } from '../context.ts';

/** The component record and its status: what incidents and maintenances change, shared with them. */

export async function fetchComponent(tx: Tx, ctx: Ctx, id: string, forUpdate = false): Promise<Row<'components'>> {
  let query = tx.selectFrom('components').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFoundError('component', id);
  return row;
}

export interface StatusChange {
  code: string;
  name: string;
  old_status: ComponentStatus;
  new_status: ComponentStatus;
}

/**
 * Sets a component's status and keeps the change in its history (which feeds uptime bars); the
 * component row's status is the cache of the newest history row, written in the same transaction.
 * Returns null when the status is already the requested one.
 */
export async function applyComponentStatus(
  tx: Tx,
  ctx: Ctx,
  componentId: string,
  status: ComponentStatus,
  cause: { incidentId?: string; maintenanceId?: string } = {},
): Promise<StatusChange | null> {
  const component = await fetchComponent(tx, ctx, componentId, true);
  if (component.status === status) return null;
  const at = ctx.now();
  await tx
    .insertInto('component_status_changes')
    .values({
      workspace_id: ctx.workspaceId,
      component_id: componentId,
      status,
      previous_status: component.status,
      changed_at: at,
      incident_id: cause.incidentId ?? null,
      maintenance_id: cause.maintenanceId ?? null,
    })
    .execute();
  await tx
    .updateTable('components')
    .set({ status, updated_at: at, version: component.version + 1 })
    .where('workspace_id', '=', ctx.workspaceId)
    .where('id', '=', componentId)
    .execute();
  return { code: component.id, name: component.name, old_status: component.status, new_status: status };
}

/**
 * What caused a component's current status: its newest status change. Rows for one component are
 * written under its row lock, so identity order is write order, even when `changed_at` was
 * back-dated (imports, the demo's history).
 */
export async function currentStatusCause(tx: Tx, ctx: Ctx, componentId: string): Promise<{ incidentId: string | null; maintenanceId: string | null } | undefined> {
  const newest = await tx
    .selectFrom('component_status_changes')
    .select(['incident_id', 'maintenance_id'])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('component_id', '=', componentId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return newest && { incidentId: newest.incident_id, maintenanceId: newest.maintenance_id };
}
