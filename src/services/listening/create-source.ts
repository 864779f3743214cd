import { z } from 'zod';
import { newId } from '../../domain/ids.ts';
import { listeningSourceKinds } from '../../domain/listening/types.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';
import { Hashtag, HttpUrl, Keywords, PollEverySeconds, SourceName, presentSource } from './internal.ts';

export const CreateListeningSourceInput = z
  .strictObject({
    name: SourceName,
    /** feed: an RSS 2.0 or Atom 1.0 address; mastodon: an instance's base URL. */
    kind: z.enum(listeningSourceKinds),
    url: HttpUrl,
    /** Mastodon: the hashtag timeline to read; none reads the instance's public timeline. (Default: none) */
    hashtag: Hashtag.nullable().default(null),
    keywords: Keywords,
    /** (Default: true) */
    enabled: z.boolean().default(true),
    /** The least time between two polls. (Default: 300) */
    poll_every_seconds: PollEverySeconds.default(300),
  })
  .superRefine((input, check) => {
    if (input.kind === 'feed' && input.hashtag !== null) check.addIssue({ code: 'custom', path: ['hashtag'], message: 'only a Mastodon source reads a hashtag' });
  });
export type CreateListeningSourceInput = z.input<typeof CreateListeningSourceInput>;

/** Adds a feed or a Mastodon timeline to watch; it is first polled at the next tick. */
export async function createListeningSource({ ctx, input }: { ctx: Ctx; input: CreateListeningSourceInput }) {
  authorize(ctx, 'listening.manage');
  const data = parseInput(CreateListeningSourceInput, input);
  const now = ctx.now();
  return withTransaction(ctx, async (tx) => {
    const row = await tx
      .insertInto('listening_sources')
      .values({ workspace_id: ctx.workspaceId, id: newId(), ...data, cursor: '{}', next_poll_at: now, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'listening_source.create', entityType: 'listening_source', entityId: row.id, after: presentSource(row) });
    return presentSource(row);
  });
}
