import { z } from 'zod';
import { authorize, withTransaction, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';
import { fetchAffectedComponents, fetchUpdates, openStatuses, presentIncident } from './internal.ts';
import { decodeTimeCursor, encodeCursor } from '../cursor.ts';

export const ListIncidentsInput = z.strictObject({
  /** open: investigating, identified or monitoring; resolved: resolved or postmortem. (Default: all) */
  status: z.enum(['open', 'resolved', 'all']).default('all'),
  /** internal: declared, not yet public; public: on the status pages. (Default: both) */
  visibility: z.enum(['internal', 'public']).optional(),
  /** Incidents per page, 1 to 100. (Default: 25) */
  limit: z.coerce.number().int().min(1).max(100).default(25),
  /** The `next_cursor` of the previous page. */
  cursor: z.string().max(200).optional(),
});
export type ListIncidentsInput = z.input<typeof ListIncidentsInput>;

/** Incidents newest first, in keyset pages on (created_at, id): a page never repeats or skips one. */
export async function listIncidents({ ctx, input = {} }: { ctx: Ctx; input?: ListIncidentsInput }) {
  authorize(ctx, 'incident.read');
  const { status, visibility, limit, cursor } = parseInput(ListIncidentsInput, input);
  const after = cursor === undefined ? undefined : decodeTimeCursor(cursor);
  return withTransaction(ctx, async (tx) => {
    let query = tx.selectFrom('incidents').selectAll().where('workspace_id', '=', ctx.workspaceId);
    if (status === 'open') query = query.where('status', 'in', openStatuses);
    if (status === 'resolved') query = query.where('status', 'not in', openStatuses);
    if (visibility === 'internal') query = query.where('public_at', 'is', null);
    if (visibility === 'public') query = query.where('public_at', 'is not', null);
    if (after) query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.at, after.id)));
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    const ids = page.map((row) => row.id);
    const components = await fetchAffectedComponents(tx, ctx, ids);
    const updates = await fetchUpdates(tx, ctx, ids);
    const last = page.at(-1);
    return {
      incidents: page.map((row) => presentIncident(row, components.get(row.id) ?? [], updates)),
      next_cursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null,
    };
  });
}
