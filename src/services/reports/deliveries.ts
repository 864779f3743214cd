import { sql } from 'kysely';
import type { Db } from '../../adapters/db/connect.ts';
import type { ChannelDeliveries } from '../../domain/reports/measures.ts';
import type { DeliveryCurve } from '../../domain/reports/plots.ts';
import { deliveryChannels } from '../../domain/delivery/channels.ts';

/** Points a delivery curve is drawn with, at most, per channel. */
const curveBuckets = 120;

/** The deliveries of an incident: of its messages, and of its updates posted without a message. */
function incidentDeliveries(db: Db, workspaceId: string, incidentId: string) {
  return db
    .selectFrom('deliveries')
    .where('deliveries.workspace_id', '=', workspaceId)
    .where((eb) =>
      eb.or([
        eb('deliveries.message_id', 'in', eb.selectFrom('messages').select('messages.id').where('messages.workspace_id', '=', workspaceId).where('messages.incident_id', '=', incidentId)),
        eb.and([
          eb('deliveries.message_id', 'is', null),
          eb('deliveries.update_id', 'in', eb.selectFrom('incident_updates').select('incident_updates.id').where('incident_updates.workspace_id', '=', workspaceId).where('incident_updates.incident_id', '=', incidentId)),
        ]),
      ]),
    );
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/**
 * Per channel, counted in the database: 100,000 deliveries are never read row by row. Three
 * aggregates (by state; distinct recipients through a grouped subquery, which hashes where
 * `count(distinct)` sorts; the curve's buckets in double precision, not numeric) cost less
 * than one `count(distinct)` alone.
 */
export async function loadIncidentDeliveries(db: Db, workspaceId: string, incidentId: string): Promise<{ channels: ChannelDeliveries[]; curves: DeliveryCurve[] }> {
  const [byState, reached] = await Promise.all([
    incidentDeliveries(db, workspaceId, incidentId)
      .select(['deliveries.channel', 'deliveries.state', sql<number>`count(*)`.as('count'), sql<Date | string | null>`min(sent_at)`.as('first_sent_at'), sql<Date | string | null>`max(sent_at)`.as('last_sent_at')])
      .groupBy(['deliveries.channel', 'deliveries.state'])
      .execute(),
    db
      .selectFrom(
        incidentDeliveries(db, workspaceId, incidentId)
          .select(['deliveries.channel', 'deliveries.address'])
          .where('deliveries.state', '=', 'sent')
          .groupBy(['deliveries.channel', 'deliveries.address'])
          .as('reached'),
      )
      .select(['reached.channel', sql<number>`count(*)`.as('recipients')])
      .groupBy('reached.channel')
      .execute(),
  ]);
  const recipientsOf = new Map(reached.map((row) => [row.channel, Number(row.recipients)]));
  const perChannel = new Map<string, ChannelDeliveries>();
  for (const row of byState) {
    const channel = perChannel.get(row.channel) ?? { channel: row.channel, recipients: recipientsOf.get(row.channel) ?? 0, sent: 0, failed: 0, dead: 0, cancelled: 0, under_way: 0, first_sent_at: null, last_sent_at: null };
    const count = Number(row.count);
    if (row.state === 'sent') {
      channel.sent += count;
      channel.first_sent_at = iso(row.first_sent_at);
      channel.last_sent_at = iso(row.last_sent_at);
    } else if (row.state === 'failed' || row.state === 'dead' || row.state === 'cancelled') channel[row.state] += count;
    else channel.under_way += count;
    perChannel.set(row.channel, channel);
  }
  const rows = [...perChannel.values()];
  const rank = (channel: string) => deliveryChannels.indexOf(channel as (typeof deliveryChannels)[number]);
  const channels = rows.sort((a, b) => rank(a.channel) - rank(b.channel));
  const firsts = channels.flatMap((c) => (c.first_sent_at ? [Date.parse(c.first_sent_at)] : []));
  const lasts = channels.flatMap((c) => (c.last_sent_at ? [Date.parse(c.last_sent_at)] : []));
  if (firsts.length === 0) return { channels, curves: [] };
  const start = Math.min(...firsts);
  const bucketMs = Math.max(1_000, Math.ceil((Math.max(...lasts) - start + 1) / curveBuckets));
  const buckets = await incidentDeliveries(db, workspaceId, incidentId)
    .select([
      'deliveries.channel',
      sql<number>`floor((date_part('epoch', sent_at) * 1000 - ${start}) / ${bucketMs})::int`.as('bucket'),
      sql<number>`count(*)`.as('sent'),
    ])
    .where('deliveries.state', '=', 'sent')
    .groupBy(['deliveries.channel', 'bucket'])
    .orderBy('bucket')
    .execute();
  const curves = channels.map((channel): DeliveryCurve => {
    let total = 0;
    const last = channel.last_sent_at ? Date.parse(channel.last_sent_at) : start;
    const points = buckets
      .filter((b) => b.channel === channel.channel)
      .map((b) => {
        total += Number(b.sent);
        return { at: new Date(Math.min(start + (Number(b.bucket) + 1) * bucketMs, last)), sent: total };
      });
    return { channel: channel.channel, points };
  });
  return { channels, curves };
}
