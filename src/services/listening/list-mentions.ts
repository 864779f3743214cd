import { z } from 'zod';
import { mentionStates } from '../../domain/listening/types.ts';
import { authorize, type Ctx } from '../context.ts';
import { decodeTimeCursor, encodeCursor } from '../cursor.ts';
import { parseInput } from '../schemas.ts';
import { presentMention } from './internal.ts';

export const ListMentionsInput = z.strictObject({
  /** (Default: new, the inbox) */
  state: z.enum(mentionStates).default('new'),
  source_id: z.string().max(64).optional(),
  /** (Default: 50) */
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListMentionsInput = z.input<typeof ListMentionsInput>;

/** The inbox (or what was dismissed or turned into rumors), newest first, with the count in each state. */
export async function listMentions({ ctx, input = {} }: { ctx: Ctx; input?: ListMentionsInput }) {
  authorize(ctx, 'listening.read');
  const data = parseInput(ListMentionsInput, input);
  const db = ctx.tx ?? ctx.db.db;
  let query = db.selectFrom('mentions').selectAll().where('workspace_id', '=', ctx.workspaceId).where('state', '=', data.state);
  if (data.source_id) query = query.where('source_id', '=', data.source_id);
  if (data.cursor) {
    const { at, id } = decodeTimeCursor(data.cursor);
    query = query.where((eb) => eb.or([eb('published_at', '<', at), eb.and([eb('published_at', '=', at), eb('id', '<', id)])]));
  }
  const rows = await query.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(data.limit + 1).execute();
  const page = rows.slice(0, data.limit);
  const counted = await db
    .selectFrom('mentions')
    .select(['state', (eb) => eb.fn.countAll<string>().as('n')])
    .where('workspace_id', '=', ctx.workspaceId)
    .groupBy('state')
    .execute();
  const counts = Object.fromEntries(mentionStates.map((state) => [state, Number(counted.find((row) => row.state === state)?.n ?? 0)])) as Record<(typeof mentionStates)[number], number>;
  const last = page.at(-1);
  return { mentions: page.map(presentMention), counts, next_cursor: rows.length > data.limit && last ? encodeCursor([last.published_at, last.id]) : null };
}
