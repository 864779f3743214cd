import { ConflictError } from '../../domain/errors.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { fetchMention, presentMention } from './internal.ts';

/** Takes a mention out of the inbox: read, nothing to correct. */
export async function dismissMention({ ctx, id }: { ctx: Ctx; id: string }) {
  authorize(ctx, 'listening.manage');
  const now = ctx.now();
  return withTransaction(ctx, async (tx) => {
    const before = await fetchMention(tx, ctx, id, true);
    if (before.state !== 'new') throw new ConflictError('mention-decided', `This mention was already ${before.state === 'rumor' ? 'turned into a rumor' : 'dismissed'}${before.decided_by_name ? ` by ${before.decided_by_name}` : ''}.`);
    const row = await tx
      .updateTable('mentions')
      .set({ state: 'dismissed', decided_at: now, decided_by_name: ctx.actor.name })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'mention.dismiss', entityType: 'mention', entityId: id, before: { state: before.state }, after: { state: row.state } });
    return presentMention(row);
  });
}
