import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { fetchGroup, presentGroup } from './internal.ts';

/** Deletes a group; its components stay, ungrouped. */
export async function deleteGroup({ ctx, id, expectedVersion }: { ctx: Ctx; id: string; expectedVersion?: number }) {
  authorize(ctx, 'component.manage');
  await withTransaction(ctx, async (tx) => {
    const before = await fetchGroup(tx, ctx, id);
    checkVersion('component group', before.version, expectedVersion);
    const members = await tx
      .updateTable('components')
      .set({ group_id: null, updated_at: ctx.now() })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('group_id', '=', id)
      .returning('id')
      .execute();
    await tx.deleteFrom('component_groups').where('workspace_id', '=', ctx.workspaceId).where('id', '=', id).execute();
    await recordAudit(tx, ctx, { action: 'component_group.delete', entityType: 'component_group', entityId: id, before: presentGroup(before, members.map((m) => m.id)) });
  });
}
