import type { DatabaseHandle } from '../../adapters/db/connect.ts';

const idempotencyKeyHours = 24;
/** Publishers that last built a page longer ago than this read it whole again. */
const publicChangeDays = 7;

/** Deletes expired sessions, idempotency keys past their replay window, old rate-limit windows and old public-change journal rows. */
export async function sweepExpired({ db, now }: { db: DatabaseHandle; now: Date }) {
  const sessions = await db.db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  const keys = await db.db.deleteFrom('idempotency_keys').where('created_at', '<', new Date(now.getTime() - idempotencyKeyHours * 3_600_000)).executeTakeFirst();
  const limits = await db.db.deleteFrom('rate_limits').where('window_start', '<', new Date(now.getTime() - 86_400_000)).executeTakeFirst();
  const changes = await db.db.deleteFrom('public_changes').where('changed_at', '<', new Date(now.getTime() - publicChangeDays * 86_400_000)).executeTakeFirst();
  return { sessions: Number(sessions.numDeletedRows), idempotencyKeys: Number(keys.numDeletedRows), rateLimits: Number(limits.numDeletedRows), publicChanges: Number(changes.numDeletedRows) };
}
