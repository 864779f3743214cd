import type { Tx } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Ctx } from '../context.ts';

export async function fetchGroup(tx: Tx, ctx: Ctx, id: string): Promise<Row<'component_groups'>> {
  const row = await tx
    .selectFrom('component_groups')
    .selectAll()
    .where('workspace_id', '=', ctx.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('component-group', id);
  return row;
}

export function presentComponent(row: Row<'components'>) {
  return {
    id: row.id,
    group_id: row.group_id,
    name: row.name,
    description: row.description,
    position: row.position,
    status: row.status,
    showcase: row.showcase,
    only_show_if_degraded: row.only_show_if_degraded,
    start_date: row.start_date,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function presentGroup(row: Row<'component_groups'>, componentIds: string[]) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    position: row.position,
    components: componentIds,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    version: row.version,
  };
}
