import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { fetchGlossaryTerm, presentGlossaryTerm } from './internal.ts';

export async function deleteGlossaryTerm({ ctx, id, expectedVersion }: { ctx: Ctx; id: string; expectedVersion?: number }): Promise<void> {
  authorize(ctx, 'settings.manage');
  await withTransaction(ctx, async (tx) => {
    const before = await fetchGlossaryTerm(tx, ctx, id);
    checkVersion('glossary term', before.version, expectedVersion);
    await tx.deleteFrom('glossary_terms').where('workspace_id', '=', ctx.workspaceId).where('id', '=', id).execute();
    await recordAudit(tx, ctx, { action: 'glossary_term.delete', entityType: 'glossary_term', entityId: id, before: presentGlossaryTerm(before) });
  });
}
