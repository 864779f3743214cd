import { z } from 'zod';
import { InvalidError } from '../../domain/errors.ts';
import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { parseInput, stripUndefined } from '../schemas.ts';
import { Hashtag, HttpUrl, Keywords, PollEverySeconds, SourceName, fetchSource, presentSource } from './internal.ts';

export const EditListeningSourceInput = z.strictObject({
  name: SourceName.optional(),
  url: HttpUrl.optional(),
  hashtag: Hashtag.nullable().optional(),
  keywords: Keywords.optional(),
  enabled: z.boolean().optional(),
  poll_every_seconds: PollEverySeconds.optional(),
});
export type EditListeningSourceInput = z.input<typeof EditListeningSourceInput>;

/**
 * Changes a source. Another address or hashtag is another stream: its cursor and failures start
 * over and it is polled at the next tick. Keywords apply to what is read from then on.
 */
export async function editListeningSource({ ctx, id, input, expectedVersion }: { ctx: Ctx; id: string; input: EditListeningSourceInput; expectedVersion?: number }) {
  authorize(ctx, 'listening.manage');
  const data = stripUndefined(parseInput(EditListeningSourceInput, input));
  const now = ctx.now();
  return withTransaction(ctx, async (tx) => {
    const before = await fetchSource(tx, ctx, id, true);
    checkVersion('listening source', before.version, expectedVersion);
    if (before.kind === 'feed' && data.hashtag) throw new InvalidError('Only a Mastodon source reads a hashtag.', [{ pointer: '/hashtag', detail: 'only a Mastodon source reads a hashtag' }]);
    const isNewStream = (data.url !== undefined && data.url !== before.url) || (data.hashtag !== undefined && data.hashtag !== before.hashtag);
    const restart = isNewStream ? { cursor: '{}', failures: 0, last_error: null, held_until: null, next_poll_at: now } : {};
    const row = await tx
      .updateTable('listening_sources')
      .set({ ...data, ...restart, updated_at: now, version: before.version + 1 })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'listening_source.edit', entityType: 'listening_source', entityId: id, before: presentSource(before), after: presentSource(row) });
    return presentSource(row);
  });
}
