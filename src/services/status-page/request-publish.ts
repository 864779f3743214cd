import { NotFoundError } from '../../domain/errors.ts';
import { authorize, withTransaction, type Ctx } from '../context.ts';
import { markPagesStale } from './mark-pages-stale.ts';

/**
 * Asks for the workspace's pages (or one) to be built and published again even if nothing changed:
 * after a target was added, a folder wiped, or Tocsin upgraded. The publishers pick it up at once.
 */
export async function requestPublish({ ctx, pageId }: { ctx: Ctx; pageId?: string }) {
  authorize(ctx, 'page.manage');
  return withTransaction(ctx, async (tx) => {
    const change = { entityType: 'status_page', entityId: pageId ?? ctx.workspaceId };
    if (!pageId) return void (await markPagesStale(tx, ctx, change));
    const page = await tx
      .updateTable('status_pages')
      .set({ next_publish_at: null })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', pageId)
      .returning('id')
      .executeTakeFirst();
    if (!page) throw new NotFoundError('status-page', pageId);
    await markPagesStale(tx, ctx, change, pageId);
  });
}
