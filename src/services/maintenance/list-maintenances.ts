import { z } from 'zod';
import { authorize, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';
import { presentRows } from './internal.ts';
import { decodeTimeCursor, encodeCursor } from '../cursor.ts';

export const maintenanceFilters = ['upcoming', 'active', 'completed', 'all'] as const;

export const ListMaintenancesInput = z.strictObject({
  /** upcoming: scheduled; active: in progress or verifying; completed. (Default: all) */
  filter: z.enum(maintenanceFilters).default('all'),
  /** Maintenances per page. (Default: 25) */
  limit: z.coerce.number().int().min(1).max(100).default(25),
  /** The `next_cursor` of the previous page. */
  cursor: z.string().max(200).optional(),
});
export type ListMaintenancesInput = z.input<typeof ListMaintenancesInput>;

/** Maintenances, newest window first (scheduled_for, then id), in keyset pages. */
export async function listMaintenances({ ctx, input }: { ctx: Ctx; input: ListMaintenancesInput }) {
  authorize(ctx, 'maintenance.read');
  const { filter, limit, cursor } = parseInput(ListMaintenancesInput, input);
  const db = ctx.tx ?? ctx.db.db;
  let query = db.selectFrom('maintenances').selectAll().where('workspace_id', '=', ctx.workspaceId);
  switch (filter) {
    case 'upcoming':
      query = query.where('status', '=', 'scheduled');
      break;
    case 'active':
      query = query.where('status', 'in', ['in_progress', 'verifying']);
      break;
    case 'completed':
      query = query.where('status', '=', 'completed');
      break;
    case 'all':
      break;
  }
  if (cursor) {
    const after = decodeTimeCursor(cursor);
    query = query.where((eb) =>
      eb.or([eb('scheduled_for', '<', after.at), eb.and([eb('scheduled_for', '=', after.at), eb('id', '<', after.id)])]),
    );
  }
  const rows = await query.orderBy('scheduled_for', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    maintenances: await presentRows(db, ctx.workspaceId, page),
    next_cursor: rows.length > limit && last ? encodeCursor([last.scheduled_for, last.id]) : null,
  };
}
