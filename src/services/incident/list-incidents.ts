import { z } from 'zod';
import { InvalidError } from '../../domain/errors.ts';
import { authorize, withTransaction, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';
import { fetchAffectedComponents, fetchUpdates, openStatuses, presentIncident } from './internal.ts';

export const ListIncidentsInput = z.strictObject({
  /** open: investigating, identified or monitoring; resolved: resolved or postmortem. (Default: all) */
  status: z.enum(['open', 'resolved', 'all']).default('all'),
  /** Incidents per page, 1 to 100. (Default: 25) */
  limit: z.coerce.number().int().min(1).max(100).default(25),
  /** The `next_cursor` of the previous page. */
  cursor: z.string().max(200).optional(),
});
export type ListIncidentsInput = z.input<typeof ListIncidentsInput>;

/** Incidents newest first, in keyset pages on (created_at, id): a page never repeats or skips one. */
export async function listIncidents({ ctx, input = {} }: { ctx: Ctx; input?: ListIncidentsInput }) {
  authorize(ctx, 'incident.read');
  const { status, limit, cursor } = parseInput(ListIncidentsInput, input);
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  return withTransaction(ctx, async (tx) => {
    let query = tx.selectFrom('incidents').selectAll().where('workspace_id', '=', ctx.workspaceId);
    if (status === 'open') query = query.where('status', 'in', openStatuses);
    if (status === 'resolved') query = query.where('status', 'not in', openStatuses);
    if (after) query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.createdAt, after.id)));
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    const ids = page.map((row) => row.id);
    const components = await fetchAffectedComponents(tx, ctx, ids);
    const updates = await fetchUpdates(tx, ctx, ids);
    const last = page.at(-1);
    return {
      incidents: page.map((row) => presentIncident(row, components.get(row.id) ?? [], updates)),
      next_cursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null,
    };
  });
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdAt === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(createdAt))) return { createdAt: new Date(createdAt), id };
  } catch {
    // Not base64url JSON: refused below like any other foreign cursor.
  }
  throw new InvalidError('This cursor was not given by this API; pass the next_cursor of the previous page.', [{ pointer: '/cursor', detail: 'unknown cursor' }], 'cursor-malformed');
}
