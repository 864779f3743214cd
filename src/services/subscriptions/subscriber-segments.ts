import { z } from 'zod';
import type { Db, Tx } from '../../adapters/db/connect.ts';
import { normalizeSegment } from '../../domain/compensation/eligibility.ts';

/** Customer segments ("pro", "public-sector"): what a compensation gesture's eligibility may name. */
export const Segments = z
  .array(
    z
      .string()
      .max(60)
      .transform((value, check) => {
        const normalized = normalizeSegment(value);
        if (normalized.ok) return normalized.segment;
        check.addIssue({ code: 'custom', message: normalized.reason });
        return z.NEVER;
      }),
  )
  .max(20);

/** Replaces a subscriber's segments. */
export async function setSegments(tx: Tx, workspaceId: string, subscriberId: string, segments: readonly string[]): Promise<void> {
  await tx.deleteFrom('subscriber_segments').where('workspace_id', '=', workspaceId).where('subscriber_id', '=', subscriberId).execute();
  if (segments.length > 0) {
    await tx
      .insertInto('subscriber_segments')
      .values([...new Set(segments)].map((segment) => ({ workspace_id: workspaceId, subscriber_id: subscriberId, segment })))
      .execute();
  }
}

export async function segmentsOf(db: Db, workspaceId: string, subscriberId: string): Promise<string[]> {
  const rows = await db.selectFrom('subscriber_segments').select('segment').where('workspace_id', '=', workspaceId).where('subscriber_id', '=', subscriberId).orderBy('segment').execute();
  return rows.map((row) => row.segment);
}

/** The segments of many subscribers at once, by subscriber id (none: no entry). */
export async function segmentsOfMany(db: Db, workspaceId: string, subscriberIds: readonly string[]): Promise<Map<string, string[]>> {
  const bySubscriber = new Map<string, string[]>();
  if (subscriberIds.length === 0) return bySubscriber;
  const rows = await db.selectFrom('subscriber_segments').select(['subscriber_id', 'segment']).where('workspace_id', '=', workspaceId).where('subscriber_id', 'in', subscriberIds).orderBy('segment').execute();
  for (const row of rows) bySubscriber.set(row.subscriber_id, [...(bySubscriber.get(row.subscriber_id) ?? []), row.segment]);
  return bySubscriber;
}
