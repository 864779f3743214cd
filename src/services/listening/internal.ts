import { z } from 'zod';
import type { Db } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Ctx } from '../context.ts';
import { Name } from '../schemas.ts';

/** An http(s) address with no credentials in it. */
export const HttpUrl = z
  .string()
  .trim()
  .max(2_000)
  .refine((value) => URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol), 'an http or https URL')
  .refine((value) => !URL.canParse(value) || (new URL(value).username === '' && new URL(value).password === ''), 'no user name or password in the URL');
/** A Mastodon hashtag, with or without its #. */
export const Hashtag = z
  .string()
  .trim()
  .regex(/^#?[\p{L}\p{N}_]{1,100}$/u, 'a hashtag: letters, digits or _')
  .transform((value) => value.replace(/^#/, ''));
/** The words or phrases a mention must contain; case and accents do not matter. */
export const Keywords = z
  .array(z.string().trim().min(2, 'at least 2 characters').max(100))
  .min(1, 'at least one keyword')
  .max(50)
  .transform((keywords) => [...new Set(keywords)]);
export const PollEverySeconds = z.number().int().min(60, 'at least 60 seconds: sources are not polled more often').max(86_400);
export const SourceName = Name;

export async function fetchSource(db: Db, ctx: Ctx, id: string, forUpdate = false): Promise<Row<'listening_sources'>> {
  let query = db.selectFrom('listening_sources').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFoundError('listening-source', id);
  return row;
}

export async function fetchMention(db: Db, ctx: Ctx, id: string, forUpdate = false): Promise<Row<'mentions'>> {
  let query = db.selectFrom('mentions').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFoundError('mention', id);
  return row;
}

const iso = (at: Date | null) => at?.toISOString() ?? null;

export function presentSource(row: Row<'listening_sources'>, newMentions = 0) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    url: row.url,
    hashtag: row.hashtag,
    keywords: row.keywords,
    enabled: row.enabled,
    poll_every_seconds: row.poll_every_seconds,
    format: row.cursor.format ?? null,
    last_polled_at: iso(row.last_polled_at),
    next_poll_at: row.next_poll_at.toISOString(),
    held_until: iso(row.held_until),
    last_error: row.last_error,
    failures: row.failures,
    new_mentions: newMentions,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    version: row.version,
  };
}
export type PresentedSource = ReturnType<typeof presentSource>;

export function presentMention(row: Row<'mentions'>) {
  return {
    id: row.id,
    source: row.source_id === null ? null : { id: row.source_id, name: row.source_name },
    source_name: row.source_name,
    external_id: row.external_id,
    url: row.url,
    author: row.author,
    text: row.text,
    published_at: row.published_at.toISOString(),
    keywords: row.keywords,
    state: row.state,
    incident_id: row.incident_id,
    rumor_entry_id: row.rumor_entry_id,
    fetched_at: row.fetched_at.toISOString(),
    decided_at: iso(row.decided_at),
    decided_by: row.decided_by_name,
  };
}
export type PresentedMention = ReturnType<typeof presentMention>;
