import type { DatabaseHandle, Tx } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { readSource, type ReadOptions, type ReadResult } from '../../adapters/listening/read-source.ts';
import { newId } from '../../domain/ids.ts';
import { matchKeywords } from '../../domain/listening/keywords.ts';
import { nextPollAt } from '../../domain/listening/schedule.ts';
import type { ListenedItem } from '../../domain/listening/types.ts';

export interface PollOptions {
  db: DatabaseHandle;
  now: Date;
  /** Only this workspace's sources. (Default: every workspace) */
  workspaceId?: string;
  /** Sources claimed per run. (Default: 20) */
  batchSize?: number;
  /** Timeouts and size limits of each read. (Default: 10 s, 2 MiB) */
  read?: ReadOptions;
}

/** What polling one source came to. */
export interface SourcePoll {
  source_id: string;
  outcome: 'items' | 'not_modified' | 'failed' | 'skipped';
  /** Items read that contained a keyword. */
  matched: number;
  /** Of those, mentions new to the inbox (the others were already there, from this source or another). */
  added: number;
  error: string | null;
  next_poll_at: string | null;
}

export interface PollSummary {
  polled: number;
  failed: number;
  added: number;
  sources: SourcePoll[];
}

/** A poll holds its source this long at most: longer than a read may take, short enough to resume after a crash. */
const leaseMs = 2 * 60_000;
/** Items kept per poll; a feed that lists more has its newest ones read. */
const maxItemsPerPoll = 200;
const maxTextLength = 5_000;

/**
 * Polls every enabled source that is due, in any workspace. Each is claimed with a lease under
 * SKIP LOCKED, so N workers polling at once poll each source once; a worker that dies mid-poll
 * leaves a lease that runs out and the source is polled again from its stored cursor.
 */
export async function pollDueSources(options: PollOptions): Promise<PollSummary> {
  const { db, now } = options;
  const claimed = await db.transaction(async (tx) => {
    let query = tx.selectFrom('listening_sources').selectAll();
    if (options.workspaceId) query = query.where('workspace_id', '=', options.workspaceId);
    const due = await query
      .where('enabled', '=', true)
      .where('next_poll_at', '<=', now)
      .where((eb) => eb.or([eb('leased_until', 'is', null), eb('leased_until', '<=', now)]))
      .orderBy('next_poll_at')
      .limit(options.batchSize ?? 20)
      .forUpdate()
      .skipLocked()
      .execute();
    return Promise.all(due.map((source) => lease(tx, source, now)));
  });
  const sources: SourcePoll[] = [];
  for (const source of claimed) sources.push(await pollClaimed(db, source, now, options.read));
  return summarize(sources);
}

export function summarize(sources: SourcePoll[]): PollSummary {
  return {
    polled: sources.filter((poll) => poll.outcome !== 'skipped').length,
    failed: sources.filter((poll) => poll.outcome === 'failed').length,
    added: sources.reduce((sum, poll) => sum + poll.added, 0),
    sources,
  };
}

/** Takes the lease on a source locked by the caller's transaction. */
export async function lease(tx: Tx, source: Row<'listening_sources'>, now: Date): Promise<Row<'listening_sources'>> {
  const leasedUntil = new Date(now.getTime() + leaseMs);
  await tx.updateTable('listening_sources').set({ leased_until: leasedUntil }).where('workspace_id', '=', source.workspace_id).where('id', '=', source.id).execute();
  return { ...source, leased_until: leasedUntil };
}

/** Reads a leased source and records what it said, its new cursor and its next poll. */
export async function pollClaimed(db: DatabaseHandle, source: Row<'listening_sources'>, now: Date, read?: ReadOptions): Promise<SourcePoll> {
  const result = await readSource({ kind: source.kind, url: source.url, hashtag: source.hashtag, cursor: source.cursor }, { ...read, now });
  return db.transaction(async (tx) => {
    const current = await tx
      .selectFrom('listening_sources')
      .selectAll()
      .where('workspace_id', '=', source.workspace_id)
      .where('id', '=', source.id)
      .forUpdate()
      .executeTakeFirst();
    // Deleted, or edited while it was read (another address, other keywords): what was read is dropped, the next tick reads it anew.
    if (!current || current.version !== source.version) {
      if (current) await tx.updateTable('listening_sources').set({ leased_until: null }).where('workspace_id', '=', source.workspace_id).where('id', '=', source.id).execute();
      return { source_id: source.id, outcome: 'skipped', matched: 0, added: 0, error: null, next_poll_at: null };
    }
    const { matched, added } = result.kind === 'items' ? await recordMentions(tx, current, result.items, now) : { matched: 0, added: 0 };
    const failures = result.kind === 'failed' ? current.failures + 1 : 0;
    const next = nextPollAt(now, current.poll_every_seconds, failures, result.kind === 'failed' ? { kind: 'failed', ...(result.retryAfterMs === undefined ? {} : { retryAfter: new Date(now.getTime() + result.retryAfterMs) }) } : { kind: 'succeeded' });
    await tx
      .updateTable('listening_sources')
      .set({
        ...(result.kind === 'items' ? { cursor: JSON.stringify({ ...current.cursor, ...result.cursor }) } : {}),
        last_polled_at: now,
        next_poll_at: next,
        failures,
        last_error: result.kind === 'failed' ? errorLine(result) : null,
        held_until: result.kind === 'failed' && result.retryAfterMs !== undefined ? new Date(now.getTime() + result.retryAfterMs) : null,
        leased_until: null,
      })
      .where('workspace_id', '=', source.workspace_id)
      .where('id', '=', source.id)
      .execute();
    return { source_id: source.id, outcome: result.kind, matched, added, error: result.kind === 'failed' ? errorLine(result) : null, next_poll_at: next.toISOString() };
  });
}

function errorLine(result: Extract<ReadResult, { kind: 'failed' }>): string {
  return result.error.slice(0, 1_000);
}

/**
 * Keeps the items that contain a keyword. Each lands once: unique on (source, item id), and on
 * its URL across sources, so the same post read through a feed and a hashtag is one mention.
 */
async function recordMentions(tx: Tx, source: Row<'listening_sources'>, items: ListenedItem[], now: Date): Promise<{ matched: number; added: number }> {
  const rows = items.slice(0, maxItemsPerPoll).flatMap((item) => {
    const keywords = matchKeywords(item.text, source.keywords);
    if (keywords.length === 0) return [];
    return [{
      workspace_id: source.workspace_id,
      id: newId(),
      source_id: source.id,
      source_name: source.name,
      external_id: item.external_id.slice(0, 500),
      url: item.url && item.url.length <= 2_000 ? item.url : null,
      author: item.author?.slice(0, 300) ?? null,
      text: item.text.length > maxTextLength ? `${item.text.slice(0, maxTextLength - 1)}…` : item.text,
      // A date in the future is a clock or a feed gone wrong: the inbox shows when it was seen instead.
      published_at: item.published_at && item.published_at <= now ? item.published_at : now,
      keywords,
      fetched_at: now,
    }];
  });
  if (rows.length === 0) return { matched: 0, added: 0 };
  const inserted = await tx.insertInto('mentions').values(rows).onConflict((conflict) => conflict.doNothing()).returning('id').execute();
  return { matched: rows.length, added: inserted.length };
}
