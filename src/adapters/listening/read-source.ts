import type { ListenedItem, ListeningCursor, ListeningSourceKind } from '../../domain/listening/types.ts';
import { newerStatusId } from '../../domain/listening/schedule.ts';
import { getBounded, type GetOptions } from './http-get.ts';
import { htmlToText } from './html-text.ts';
import { parseFeed } from './parse-feed.ts';

export interface SourceToRead {
  kind: ListeningSourceKind;
  url: string;
  hashtag: string | null;
  cursor: ListeningCursor;
}

/** What one read of a source came to; never thrown. */
export type ReadResult =
  | { kind: 'items'; items: ListenedItem[]; cursor: ListeningCursor }
  | { kind: 'not_modified' }
  | { kind: 'failed'; error: string; status?: number; retryAfterMs?: number };

export type ReadOptions = Pick<GetOptions, 'timeoutMs' | 'maxBytes' | 'now'>;

/** Statuses asked for per poll: Mastodon's maximum page. */
const mastodonPageSize = 40;

/** Reads what is new at a source since its cursor. */
export function readSource(source: SourceToRead, options: ReadOptions = {}): Promise<ReadResult> {
  switch (source.kind) {
    case 'feed':
      return readFeed(source.url, source.cursor, options);
    case 'mastodon':
      return readMastodon(source.url, source.hashtag, source.cursor, options);
  }
}

/** A feed, conditionally: an unchanged feed answers 304 and costs nothing to either side. */
export async function readFeed(url: string, cursor: ListeningCursor, options: ReadOptions = {}): Promise<ReadResult> {
  const headers: Record<string, string> = { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1' };
  if (cursor.etag) headers['if-none-match'] = cursor.etag;
  if (cursor.last_modified) headers['if-modified-since'] = cursor.last_modified;
  const reply = await getBounded(url, { ...options, headers });
  if (!reply.ok) return { kind: 'failed', error: reply.error, ...(reply.status === undefined ? {} : { status: reply.status }), ...(reply.retryAfterMs === undefined ? {} : { retryAfterMs: reply.retryAfterMs }) };
  if (reply.status === 304) return { kind: 'not_modified' };
  const feed = parseFeed(reply.body);
  if ('error' in feed) return { kind: 'failed', error: feed.error, status: reply.status };
  const etag = reply.headers.get('etag');
  const lastModified = reply.headers.get('last-modified');
  return { kind: 'items', items: feed.items, cursor: { format: feed.format, ...(etag ? { etag } : {}), ...(lastModified ? { last_modified: lastModified } : {}) } };
}

/**
 * A Mastodon hashtag timeline (or the public one) through the public API, no token needed. With
 * `min_id` the instance answers the statuses just after it, so a backlog is read page by page.
 */
export async function readMastodon(instanceUrl: string, hashtag: string | null, cursor: ListeningCursor, options: ReadOptions = {}): Promise<ReadResult> {
  const path = hashtag ? `/api/v1/timelines/tag/${encodeURIComponent(hashtag)}` : '/api/v1/timelines/public';
  if (!URL.canParse(instanceUrl)) return { kind: 'failed', error: 'The instance URL cannot be parsed.' };
  const url = new URL(path, instanceUrl);
  url.searchParams.set('limit', String(mastodonPageSize));
  if (cursor.min_id) url.searchParams.set('min_id', cursor.min_id);
  const reply = await getBounded(url.href, { ...options, headers: { accept: 'application/json' } });
  if (!reply.ok) return { kind: 'failed', error: reply.error, ...(reply.status === undefined ? {} : { status: reply.status }), ...(reply.retryAfterMs === undefined ? {} : { retryAfterMs: reply.retryAfterMs }) };
  let statuses: unknown;
  try {
    statuses = JSON.parse(reply.body);
  } catch {
    return { kind: 'failed', error: 'The instance did not answer with JSON.', status: reply.status };
  }
  if (!Array.isArray(statuses)) return { kind: 'failed', error: 'The instance did not answer with a list of statuses.', status: reply.status };
  let newest = cursor.min_id;
  const items: ListenedItem[] = [];
  for (const status of statuses as Array<Record<string, any>>) {
    if (typeof status?.id !== 'string') continue;
    newest = newerStatusId(newest, status.id);
    // A boost carries the original status: that is what was said, and by whom.
    const said = status.reblog && typeof status.reblog === 'object' ? status.reblog : status;
    const text = [typeof said.spoiler_text === 'string' ? said.spoiler_text : '', htmlToText(typeof said.content === 'string' ? said.content : '')].filter(Boolean).join('\n');
    if (text === '') continue;
    const account = said.account ?? {};
    const at = typeof said.created_at === 'string' ? Date.parse(said.created_at) : Number.NaN;
    items.push({
      external_id: typeof said.id === 'string' ? said.id : status.id,
      url: typeof said.url === 'string' ? said.url : typeof said.uri === 'string' ? said.uri : null,
      author: typeof account.acct === 'string' ? `@${account.acct}${typeof account.display_name === 'string' && account.display_name ? ` (${account.display_name})` : ''}` : null,
      text,
      published_at: Number.isNaN(at) ? null : new Date(at),
    });
  }
  return { kind: 'items', items, cursor: newest ? { min_id: newest } : {} };
}
