import type { DatabaseHandle } from '../../adapters/db/connect.ts';
import { TocsinError } from '../../domain/errors.ts';

export class RateLimitedError extends TocsinError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super('limit_exceeded', 'too-many-attempts', `Too many attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * Counts a hit on `key` in a fixed window kept in Postgres, so every app process shares the count,
 * and throws once the window holds more than `limit` hits.
 */
export async function hitRateLimit(db: DatabaseHandle, key: string, limit: number, windowSeconds: number, now: Date): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const row = await db.db
    .insertInto('rate_limits')
    .values({ key, window_start: windowStart, hits: 1 })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ hits: eb('rate_limits.hits', '+', 1) })))
    .returning('hits')
    .executeTakeFirstOrThrow();
  if (row.hits > limit) throw new RateLimitedError(Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
}
