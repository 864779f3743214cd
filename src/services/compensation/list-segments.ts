import { sql } from 'kysely';
import { authorize, type Ctx } from '../context.ts';

/** The customer segments the workspace's subscribers are in, with how many confirmed subscribers each. */
export async function listSegments({ ctx }: { ctx: Ctx }) {
  authorize(ctx, 'compensation.manage');
  const db = ctx.tx ?? ctx.db.db;
  const rows = await db
    .selectFrom('subscriber_segments as ss')
    .innerJoin('subscribers as s', (join) => join.onRef('s.workspace_id', '=', 'ss.workspace_id').onRef('s.id', '=', 'ss.subscriber_id'))
    .select(['ss.segment', sql<string>`count(*) filter (where s.state = 'active')`.as('subscribers')])
    .where('ss.workspace_id', '=', ctx.workspaceId)
    .groupBy('ss.segment')
    .orderBy('ss.segment')
    .execute();
  return { segments: rows.map((row) => ({ segment: row.segment, subscribers: Number(row.subscribers) })) };
}
