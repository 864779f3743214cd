import { NotFoundError } from '../../domain/errors.ts';
import { authorize, type Ctx } from '../context.ts';
import { fetchGesture, fetchIncident, presentGesture, presentOne, promisesOf } from './internal.ts';

/** The incident's gestures, oldest first, each with its promise's state. */
export async function listGestures({ ctx, incidentId }: { ctx: Ctx; incidentId: string }) {
  authorize(ctx, 'incident.read');
  const db = ctx.tx ?? ctx.db.db;
  await fetchIncident(db, ctx, incidentId);
  const rows = await db.selectFrom('compensation_gestures').selectAll().where('workspace_id', '=', ctx.workspaceId).where('incident_id', '=', incidentId).orderBy('created_at').orderBy('id').execute();
  const promises = await promisesOf(db, ctx, rows);
  return { gestures: rows.map((row) => presentGesture(row, (row.promise_entry_id && promises.get(row.promise_entry_id)) || null)) };
}

export async function getGesture({ ctx, incidentId, gestureId }: { ctx: Ctx; incidentId: string; gestureId: string }) {
  authorize(ctx, 'incident.read');
  const db = ctx.tx ?? ctx.db.db;
  return presentOne(db, ctx, await fetchGesture(db, ctx, incidentId, gestureId));
}

/** The incident a gesture belongs to, for a caller that knows only the gesture (`tocsin compensation export`). */
export async function incidentOfGesture({ ctx, gestureId }: { ctx: Ctx; gestureId: string }): Promise<string> {
  authorize(ctx, 'incident.read');
  const row = await (ctx.tx ?? ctx.db.db).selectFrom('compensation_gestures').select('incident_id').where('workspace_id', '=', ctx.workspaceId).where('id', '=', gestureId).executeTakeFirst();
  if (!row) throw new NotFoundError('compensation-gesture', gestureId);
  return row.incident_id;
}
