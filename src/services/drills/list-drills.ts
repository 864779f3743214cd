import { authorize, type Ctx } from '../context.ts';
import { loadDrillView } from './get-drill.ts';

/** The workspace's drills, newest first, with their scores. */
export async function listDrills({ ctx }: { ctx: Ctx }) {
  authorize(ctx, 'workspace.read');
  const db = ctx.tx ?? ctx.db.db;
  const rows = await db.selectFrom('drills').selectAll().where('workspace_id', '=', ctx.workspaceId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(200).execute();
  const now = ctx.now();
  return { drills: await Promise.all(rows.map((row) => loadDrillView(db, row, now))) };
}
