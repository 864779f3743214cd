import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { fetchSource, presentSource } from './internal.ts';

/**
 * Stops watching a source. Its mentions still waiting in the inbox go with it; those dismissed or
 * turned into rumors stay, naming the source they came from.
 */
export async function deleteListeningSource({ ctx, id }: { ctx: Ctx; id: string }) {
  authorize(ctx, 'listening.manage');
  return withTransaction(ctx, async (tx) => {
    const before = await fetchSource(tx, ctx, id, true);
    const removed = await tx.deleteFrom('mentions').where('workspace_id', '=', ctx.workspaceId).where('source_id', '=', id).where('state', '=', 'new').executeTakeFirst();
    await tx.deleteFrom('listening_sources').where('workspace_id', '=', ctx.workspaceId).where('id', '=', id).execute();
    const newMentionsRemoved = Number(removed.numDeletedRows);
    await recordAudit(tx, ctx, { action: 'listening_source.delete', entityType: 'listening_source', entityId: id, before: presentSource(before), after: { new_mentions_removed: newMentionsRemoved } });
    return { id, new_mentions_removed: newMentionsRemoved };
  });
}
