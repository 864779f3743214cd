import { sql } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import { authorize, type Ctx } from '../context.ts';
import { countEligibleBy, eligibilityOf, eligibleSubscribers, fetchGesture } from './internal.ts';

/** The columns of the eligible-customers CSV: who, how to reach them, and why they are in it. */
export const eligibleColumns = ['email', 'phone', 'language', 'segments', 'subscribed_at', 'gesture_id'] as const;

/** People read per query while exporting. */
const exportPageRows = 1_000;

export interface EligibleExport {
  /** How many people the export holds, counted as it starts. */
  total: number;
  /** The CSV as it is read, with the people each chunk adds. */
  chunks: AsyncIterable<{ csv: string; people: number }>;
}

/**
 * The people a gesture reaches, as CSV for whoever applies it (billing): one row per address (the
 * earliest subscription when it follows several pages), keyset pages on (channel, address), so the
 * memory used does not grow with the list. Bulk personal data: it also needs subscribers.manage.
 */
export async function exportEligible({ ctx, incidentId, gestureId }: { ctx: Ctx; incidentId: string; gestureId: string }): Promise<EligibleExport> {
  authorize(ctx, 'compensation.manage');
  authorize(ctx, 'subscribers.manage');
  const db = ctx.tx ?? ctx.db.db;
  const gesture = await fetchGesture(db, ctx, incidentId, gestureId);
  const rule = eligibilityOf(gesture);
  const { total } = await countEligibleBy(db, ctx.workspaceId, rule);
  async function* chunks() {
    yield { csv: stringify([[...eligibleColumns]]), people: 0 };
    let after: { channel: string; address: string } | null = null;
    for (;;) {
      let query = eligibleSubscribers(db, ctx.workspaceId, rule)
        .distinctOn(['s.channel', 's.address'])
        .select(['s.id', 's.channel', 's.address', 's.language', 's.created_at']);
      if (after) {
        const { channel, address } = after;
        query = query.where(sql<boolean>`(s.channel, s.address) > (${channel}, ${address})`);
      }
      const rows = await query.orderBy('s.channel').orderBy('s.address').orderBy('s.created_at').orderBy('s.id').limit(exportPageRows).execute();
      if (rows.length === 0) return;
      const segments = await segmentsOf(rows.map((row) => row.id));
      yield {
        csv: stringify(rows.map((row) => [row.channel === 'email' ? row.address : '', row.channel === 'sms' ? row.address : '', row.language, (segments.get(row.id) ?? []).join(';'), row.created_at.toISOString(), gesture.id])),
        people: rows.length,
      };
      const last = rows.at(-1)!;
      after = { channel: last.channel, address: last.address };
    }
  }
  async function segmentsOf(ids: string[]): Promise<Map<string, string[]>> {
    const rows = await db.selectFrom('subscriber_segments').select(['subscriber_id', 'segment']).where('workspace_id', '=', ctx.workspaceId).where('subscriber_id', 'in', ids).orderBy('segment').execute();
    const map = new Map<string, string[]>();
    for (const row of rows) map.set(row.subscriber_id, [...(map.get(row.subscriber_id) ?? []), row.segment]);
    return map;
  }
  return { total, chunks: chunks() };
}
