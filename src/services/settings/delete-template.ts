import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { fetchTemplate, presentTemplate } from './internal.ts';

/** Deletes a workspace template; its slot falls back to the built-in one. */
export async function deleteTemplate({ ctx, id, expectedVersion }: { ctx: Ctx; id: string; expectedVersion?: number }): Promise<void> {
  authorize(ctx, 'settings.manage');
  await withTransaction(ctx, async (tx) => {
    const before = await fetchTemplate(tx, ctx, id);
    checkVersion('template', before.version, expectedVersion);
    await tx.deleteFrom('message_templates').where('workspace_id', '=', ctx.workspaceId).where('id', '=', id).execute();
    await recordAudit(tx, ctx, { action: 'message_template.delete', entityType: 'message_template', entityId: id, before: presentTemplate(before) });
  });
}
