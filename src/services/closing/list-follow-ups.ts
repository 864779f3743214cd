import { z } from 'zod';
import { authorize, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';
import { presentPromise } from './internal.ts';

export const ListFollowUpsInput = z.strictObject({
  /** pending: still to keep (default); all: with those kept or dropped since. */
  state: z.enum(['pending', 'all']).default('pending'),
});
export type ListFollowUpsInput = z.input<typeof ListFollowUpsInput>;

/** The workspace's follow-up list: promises carried past their incident's close, soonest due first. */
export async function listFollowUps({ ctx, input = {} }: { ctx: Ctx; input?: ListFollowUpsInput }) {
  authorize(ctx, 'facts.read');
  const data = parseInput(ListFollowUpsInput, input);
  const db = ctx.tx ?? ctx.db.db;
  let query = db
    .selectFrom('closing_follow_ups')
    .innerJoin('fact_entries', (join) => join.onRef('fact_entries.workspace_id', '=', 'closing_follow_ups.workspace_id').onRef('fact_entries.id', '=', 'closing_follow_ups.promise_id'))
    .innerJoin('incidents', (join) => join.onRef('incidents.workspace_id', '=', 'closing_follow_ups.workspace_id').onRef('incidents.id', '=', 'closing_follow_ups.incident_id'))
    .selectAll('fact_entries')
    .select(['closing_follow_ups.note', 'closing_follow_ups.created_at as followed_at', 'closing_follow_ups.author_type as followed_by_type', 'closing_follow_ups.author_id as followed_by_id', 'closing_follow_ups.author_name as followed_by', 'incidents.name as incident_name', 'incidents.status as incident_status'])
    .where('closing_follow_ups.workspace_id', '=', ctx.workspaceId)
    .where('fact_entries.withdrawn_at', 'is', null);
  if (data.state === 'pending') query = query.where('fact_entries.state', '=', 'pending');
  const rows = await query.orderBy('fact_entries.due_at', (ob) => ob.asc().nullsLast()).orderBy('closing_follow_ups.created_at').execute();
  const now = ctx.now();
  return {
    follow_ups: rows.map((row) => ({
      ...presentPromise(row, { workspace_id: ctx.workspaceId, promise_id: row.id, incident_id: row.incident_id, note: row.note, author_type: row.followed_by_type, author_id: row.followed_by_id, author_name: row.followed_by, created_at: row.followed_at }, now),
      incident: { id: row.incident_id, name: row.incident_name, status: row.incident_status },
    })),
    as_of: now.toISOString(),
  };
}
