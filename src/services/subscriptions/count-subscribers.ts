import type { SubscriberChannel, SubscriberState } from '../../adapters/db/schema.ts';
import { authorize, type Ctx } from '../context.ts';
import { fetchPage } from './internal.ts';

const channels: SubscriberChannel[] = ['email', 'sms', 'webhook'];
const states: SubscriberState[] = ['pending', 'active', 'unsubscribed'];

/** How many subscribers a page has, per channel and state. */
export async function countSubscribers({ ctx, pageId }: { ctx: Ctx; pageId: string }) {
  authorize(ctx, 'subscribers.read');
  const db = ctx.tx ?? ctx.db.db;
  await fetchPage(db, ctx, pageId);
  const rows = await db
    .selectFrom('subscribers')
    .select(['channel', 'state', (eb) => eb.fn.countAll<string>().as('count')])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('page_id', '=', pageId)
    .groupBy(['channel', 'state'])
    .execute();
  const byChannel = Object.fromEntries(channels.map((channel) => [channel, Object.fromEntries(states.map((state) => [state, 0]))])) as Record<SubscriberChannel, Record<SubscriberState, number>>;
  for (const row of rows) byChannel[row.channel][row.state] = Number(row.count);
  const total = rows.reduce((sum, row) => sum + Number(row.count), 0);
  return { total, by_channel: byChannel };
}
