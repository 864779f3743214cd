import { deliveryChannels, deliveryStates, type DeliveryChannel, type DeliveryState } from '../../domain/delivery/channels.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { authorize, type Ctx } from '../context.ts';

export type StateCounts = Record<DeliveryState, number>;

export interface DeliveryProgress {
  message_id: string;
  total: number;
  /** Sent, failed, dead or cancelled: nothing more will happen without someone's action. */
  settled: number;
  /** settled / total, 0–100; 100 with nothing to send. */
  percent: number;
  by_channel: Partial<Record<DeliveryChannel, StateCounts>>;
  first_sent_at: string | null;
  last_sent_at: string | null;
}

/** How far a published message's deliveries got, per channel and state: what the console plots and the CLI draws. */
export async function deliveryProgress({ ctx, messageId }: { ctx: Ctx; messageId: string }): Promise<DeliveryProgress> {
  authorize(ctx, 'delivery.read');
  const db = ctx.tx ?? ctx.db.db;
  const message = await db.selectFrom('messages').select('id').where('workspace_id', '=', ctx.workspaceId).where('id', '=', messageId).executeTakeFirst();
  if (!message) throw new NotFoundError('message', messageId);
  const rows = await db
    .selectFrom('deliveries')
    .select(['channel', 'state'])
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('sent_at').as('first'), eb.fn.max('sent_at').as('last')])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('message_id', '=', messageId)
    .groupBy(['channel', 'state'])
    .execute();
  const byChannel: DeliveryProgress['by_channel'] = {};
  let total = 0;
  let settled = 0;
  let first: Date | null = null;
  let last: Date | null = null;
  for (const row of rows) {
    const counts = (byChannel[row.channel] ??= Object.fromEntries(deliveryStates.map((state) => [state, 0])) as StateCounts);
    const count = Number(row.count);
    counts[row.state] = count;
    total += count;
    if (row.state !== 'pending' && row.state !== 'sending') settled += count;
    if (row.first && (!first || new Date(row.first) < first)) first = new Date(row.first);
    if (row.last && (!last || new Date(row.last) > last)) last = new Date(row.last);
  }
  const ordered = Object.fromEntries(deliveryChannels.filter((channel) => byChannel[channel]).map((channel) => [channel, byChannel[channel]!]));
  return {
    message_id: messageId,
    total,
    settled,
    percent: total === 0 ? 100 : Math.floor((settled / total) * 1000) / 10,
    by_channel: ordered,
    first_sent_at: first?.toISOString() ?? null,
    last_sent_at: last?.toISOString() ?? null,
  };
}
