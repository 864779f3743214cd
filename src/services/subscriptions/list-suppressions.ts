import { z } from 'zod';
import { authorize, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';
import { SuppressionChannel, presentSuppression } from './suppression-fields.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';

export const ListSuppressionsInput = z.strictObject({
  channel: SuppressionChannel.optional(),
  reason: z.enum(['bounce', 'complaint', 'manual']).optional(),
  /** Part of the address, in any case. */
  search: z.string().trim().min(1).max(320).optional(),
  /** Suppressions per page, 1 to 500. (Default: 100) */
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** The `next_cursor` of the previous page. */
  cursor: z.string().max(500).optional(),
});
export type ListSuppressionsInput = z.input<typeof ListSuppressionsInput>;

/** The workspace's suppressed addresses, by channel then address, in keyset pages. */
export async function listSuppressions({ ctx, input = {} }: { ctx: Ctx; input?: ListSuppressionsInput }) {
  authorize(ctx, 'subscribers.read');
  const { channel, reason, search, limit, cursor } = parseInput(ListSuppressionsInput, input);
  const after = cursor === undefined ? undefined : suppressionKey(decodeCursor(cursor, 2, ([channel]) => channel === 'email' || channel === 'sms'));
  let query = (ctx.tx ?? ctx.db.db).selectFrom('suppressions').selectAll().where('workspace_id', '=', ctx.workspaceId);
  if (channel) query = query.where('channel', '=', channel);
  if (reason) query = query.where('reason', '=', reason);
  if (search) query = query.where('address', 'ilike', `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
  if (after) query = query.where((eb) => eb(eb.refTuple('channel', 'address'), '>', eb.tuple(after.channel, after.address)));
  const rows = await query.orderBy('channel').orderBy('address').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    suppressions: page.map(presentSuppression),
    next_cursor: rows.length > limit && last ? encodeCursor([last.channel, last.address]) : null,
  };
}

const suppressionKey = ([channel, address]: string[]) => ({ channel: channel as 'email' | 'sms', address: address! });
