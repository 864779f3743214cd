import { sql } from 'kysely';
import type { DatabaseHandle } from '../../adapters/db/connect.ts';
import type { DeliveryChannel } from '../../domain/delivery/channels.ts';
import { defaultNoticeHours, noticeKeyPrefix, owedNoticeHours } from '../../domain/maintenance/notices.ts';
import { subscribersFollowing, type FanOutCounts } from '../delivery/fan-out.ts';

const pageSize = 500;
/** The largest offset a workspace may set: maintenances further away owe nothing yet. */
const horizonHours = 168;

export interface NoticeResult {
  /** The notices queued by this sweep: one per maintenance, start and offset. */
  notices: Array<{ workspaceId: string; maintenanceId: string; hours: number }>;
  /** The deliveries they made, per channel. */
  deliveries: FanOutCounts;
}

interface Candidate {
  workspace_id: string;
  id: string;
  scheduled_for: Date;
  notice_for: Date | null;
  notice_hours: number | null;
  offsets: number[];
}

/**
 * The notice sweep (every minute, on any worker): for each maintenance of every workspace still
 * scheduled, queues the notice its workspace's offsets make due (by default 24 h and 1 h before it
 * starts) to every subscriber following its components, by e-mail, SMS and webhook. The worker
 * writes each at send time in the subscriber's language. The maintenance records the notice in the
 * statement that queues its deliveries, under a row lock: two sweeps, or two workers, queue it once;
 * a new start owes new notices; a cancelled or started maintenance owes none.
 */
export async function sendMaintenanceNotices({ db, now }: { db: DatabaseHandle; now: Date }): Promise<NoticeResult> {
  const result: NoticeResult = { notices: [], deliveries: {} };
  const horizon = new Date(now.getTime() + horizonHours * 3_600_000);
  let after: Candidate | undefined;
  for (;;) {
    // The partial index maintenances_due serves the scan: status = 'scheduled' implies its predicate.
    const { rows: candidates } = await sql<Candidate>`
      select m.workspace_id, m.id, m.scheduled_for, m.notice_for, m.notice_hours, coalesce(s.maintenance_notice_hours, ${[...defaultNoticeHours]}::int[]) as offsets
      from maintenances m
      left join comms_settings s on s.workspace_id = m.workspace_id
      where m.status = 'scheduled' and m.scheduled_for > ${now} and m.scheduled_for <= ${horizon}
        ${after ? sql`and (m.scheduled_for, m.workspace_id, m.id) > (${after.scheduled_for}, ${after.workspace_id}, ${after.id})` : sql``}
      order by m.scheduled_for, m.workspace_id, m.id
      limit ${pageSize}`.execute(db.db);
    const due = candidates.flatMap((candidate) => {
      const hours = owedNoticeHours({ offsetsHours: candidate.offsets, scheduledFor: candidate.scheduled_for, last: { scheduledFor: candidate.notice_for, hours: candidate.notice_hours }, now });
      return hours === null ? [] : [{ ...candidate, hours }];
    });
    if (due.length > 0) await queueNotices(db, due, now, result);
    after = candidates.at(-1);
    if (candidates.length < pageSize || !after) return result;
  }
}

/**
 * One statement for a page of due notices: lock the maintenances in key order (two sweeps never
 * deadlock), skip those whose notice another sweep queued or whose start moved meanwhile, record
 * the notice, and insert a keyed delivery per following subscriber.
 */
async function queueNotices(db: DatabaseHandle, due: Array<Candidate & { hours: number }>, now: Date, result: NoticeResult): Promise<void> {
  const { rows } = await sql<{ workspace_id: string | null; id: string | null; hours: number | null; channel: DeliveryChannel | null; count: number }>`
    with due as (
      select * from unnest(
        ${due.map((d) => d.workspace_id)}::text[], ${due.map((d) => d.id)}::text[], ${due.map((d) => d.scheduled_for.toISOString())}::timestamptz[],
        ${due.map((d) => d.hours)}::int[], ${due.map((d) => noticeKeyPrefix(d.id, d.scheduled_for, d.hours))}::text[]
      ) as d(workspace_id, id, scheduled_for, hours, key_prefix)
    ),
    locked as (
      select m.workspace_id, m.id, d.hours, d.key_prefix
      from maintenances m
      join due d on d.workspace_id = m.workspace_id and d.id = m.id
      where m.status = 'scheduled' and date_trunc('milliseconds', m.scheduled_for) = d.scheduled_for
        and (m.notice_for is distinct from m.scheduled_for or m.notice_hours > d.hours)
      order by m.workspace_id, m.id
      for update of m
    ),
    noted as (
      update maintenances m set notice_for = m.scheduled_for, notice_hours = l.hours
      from locked l
      where m.workspace_id = l.workspace_id and m.id = l.id
      returning m.workspace_id, m.id, l.hours, l.key_prefix
    ),
    created as (
      insert into deliveries (workspace_id, dedupe_key, kind, maintenance_id, channel, subscriber_id, address, language, next_attempt_at, created_at, updated_at)
      select s.workspace_id, n.key_prefix || s.channel || ':' || s.address, 'maintenance', n.id, s.channel, s.id, s.address, s.language, ${now}, ${now}, ${now}
      from noted n
      join subscribers s on s.workspace_id = n.workspace_id
      where ${subscribersFollowing({ workspaceId: sql`n.workspace_id`, channel: sql`s.channel`, covers: { maintenanceId: sql`n.id` } })}
      on conflict (workspace_id, dedupe_key) do nothing
      returning channel
    )
    select workspace_id, id, hours, null as channel, 0 as count from noted
    union all
    select null, null, null, channel, count(*)::int from created group by channel`.execute(db.db);
  for (const row of rows) {
    if (row.channel) result.deliveries[row.channel] = (result.deliveries[row.channel] ?? 0) + row.count;
    else result.notices.push({ workspaceId: row.workspace_id!, maintenanceId: row.id!, hours: row.hours! });
  }
}
