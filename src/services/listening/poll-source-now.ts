import type { ReadOptions } from '../../adapters/listening/read-source.ts';
import { ConflictError, TocsinError } from '../../domain/errors.ts';
import { authorize, recordAudit, type Ctx } from '../context.ts';
import { fetchSource, presentSource } from './internal.ts';
import { lease, pollClaimed } from './poll-sources.ts';

/** The least time between two polls of one source asked by hand. */
const minManualIntervalMs = 60_000;

/**
 * Polls one source now, out of its schedule (a communicator who has just added it, or fixed its
 * address). The rate limit still holds: not twice within a minute, not while it is being polled,
 * not before the time the source itself asked to wait until (Retry-After).
 */
export async function pollListeningSourceNow({ ctx, id, read }: { ctx: Ctx; id: string; read?: ReadOptions }) {
  authorize(ctx, 'listening.manage');
  const now = ctx.now();
  const claimed = await ctx.db.transaction(async (tx) => {
    const source = await fetchSource(tx, ctx, id, true);
    if (source.leased_until && source.leased_until > now) throw new ConflictError('poll-in-progress', 'This source is being polled right now; its mentions arrive in the inbox when the poll ends.');
    if (source.held_until && source.held_until > now) {
      throw new TocsinError('limit_exceeded', 'source-asked-to-wait', `The source asked not to be polled again before ${source.held_until.toISOString()} (Retry-After); it will be polled then.`);
    }
    if (source.last_polled_at && now.getTime() - source.last_polled_at.getTime() < minManualIntervalMs) {
      throw new TocsinError('limit_exceeded', 'polled-recently', `This source was polled less than a minute ago (${source.last_polled_at.toISOString()}); poll it again after ${new Date(source.last_polled_at.getTime() + minManualIntervalMs).toISOString()}.`);
    }
    return lease(tx, source, now);
  });
  const poll = await pollClaimed(ctx.db, claimed, now, read);
  const after = await ctx.db.transaction(async (tx) => {
    const row = await fetchSource(tx, ctx, id);
    await recordAudit(tx, ctx, { action: 'listening_source.poll', entityType: 'listening_source', entityId: id, after: poll });
    return row;
  });
  return { poll, source: presentSource(after) };
}
