import type { Db } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Ctx } from '../context.ts';

/** The incident's row, locked for an edit when asked; an unknown id (or another workspace's) is not found. */
export async function fetchIncident(db: Db, ctx: Pick<Ctx, 'workspaceId'>, id: string, forUpdate = false): Promise<Row<'incidents'>> {
  let query = db.selectFrom('incidents').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFoundError('incident', id);
  return row;
}
