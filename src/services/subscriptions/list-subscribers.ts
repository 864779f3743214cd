import { z } from 'zod';
import { authorize, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';
import { componentIdsOf, fetchPage, presentSubscriber } from './internal.ts';
import { suppressionsOf } from './suppressed.ts';
import { segmentsOfMany } from './subscriber-segments.ts';
import { decodeTimeCursor, encodeCursor } from '../cursor.ts';

export const ListSubscribersInput = z.strictObject({
  channel: z.enum(['email', 'sms', 'webhook']).optional(),
  state: z.enum(['pending', 'active', 'unsubscribed']).optional(),
  /** Part of the address, in any case. */
  search: z.string().trim().min(1).max(320).optional(),
  /** Subscribers per page, 1 to 500. (Default: 50) */
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** The `next_cursor` of the previous page. */
  cursor: z.string().max(200).optional(),
});
export type ListSubscribersInput = z.input<typeof ListSubscribersInput>;

/** A page's subscribers, newest first, in keyset pages on (created_at, id). */
export async function listSubscribers({ ctx, pageId, input = {} }: { ctx: Ctx; pageId: string; input?: ListSubscribersInput }) {
  authorize(ctx, 'subscribers.read');
  const { channel, state, search, limit, cursor } = parseInput(ListSubscribersInput, input);
  const after = cursor === undefined ? undefined : decodeTimeCursor(cursor);
  const db = ctx.tx ?? ctx.db.db;
  await fetchPage(db, ctx, pageId);
  let query = db.selectFrom('subscribers').selectAll().where('workspace_id', '=', ctx.workspaceId).where('page_id', '=', pageId);
  if (channel) query = query.where('channel', '=', channel);
  if (state) query = query.where('state', '=', state);
  if (search) query = query.where('address', 'ilike', `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
  if (after) query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.at, after.id)));
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const ids = page.map((row) => row.id);
  const [components, suppressed, segments] = await Promise.all([componentIdsOf(db, ctx.workspaceId, ids), suppressionsOf(db, ctx.workspaceId, page), segmentsOfMany(db, ctx.workspaceId, ids)]);
  const last = page.at(-1);
  return {
    subscribers: page.map((row) => ({ ...presentSubscriber(row, components.get(row.id) ?? []), segments: segments.get(row.id) ?? [], suppressed: suppressed.get(`${row.channel}:${row.address}`) ?? null })),
    next_cursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null,
  };
}
