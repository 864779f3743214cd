import { authorize, type Ctx } from '../context.ts';
import { fetchSource, presentSource } from './internal.ts';

async function newMentionCounts(ctx: Ctx): Promise<Map<string, number>> {
  const db = ctx.tx ?? ctx.db.db;
  const rows = await db
    .selectFrom('mentions')
    .select(['source_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('state', '=', 'new')
    .groupBy('source_id')
    .execute();
  return new Map(rows.filter((row) => row.source_id !== null).map((row) => [row.source_id!, Number(row.n)]));
}

/** The workspace's sources, by name, each with its last poll, its error and its mentions waiting. */
export async function listListeningSources({ ctx }: { ctx: Ctx }) {
  authorize(ctx, 'listening.read');
  const db = ctx.tx ?? ctx.db.db;
  const rows = await db.selectFrom('listening_sources').selectAll().where('workspace_id', '=', ctx.workspaceId).orderBy('name').orderBy('id').execute();
  const counts = await newMentionCounts(ctx);
  return { sources: rows.map((row) => presentSource(row, counts.get(row.id) ?? 0)) };
}

export async function getListeningSource({ ctx, id }: { ctx: Ctx; id: string }) {
  authorize(ctx, 'listening.read');
  const row = await fetchSource(ctx.tx ?? ctx.db.db, ctx, id);
  return presentSource(row, (await newMentionCounts(ctx)).get(id) ?? 0);
}
