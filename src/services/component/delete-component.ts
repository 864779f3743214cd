import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { fetchComponent } from './component-status.ts';
import { presentComponent } from './internal.ts';

/** Deletes a component and its status history; incidents keep its name in their updates. */
export async function deleteComponent({ ctx, id, expectedVersion }: { ctx: Ctx; id: string; expectedVersion?: number }) {
  authorize(ctx, 'component.manage');
  await withTransaction(ctx, async (tx) => {
    const before = await fetchComponent(tx, ctx, id, true);
    checkVersion('component', before.version, expectedVersion);
    for (const table of ['component_status_changes', 'incident_components', 'maintenance_components'] as const) {
      await tx.deleteFrom(table).where('workspace_id', '=', ctx.workspaceId).where('component_id', '=', id).execute();
    }
    await tx.deleteFrom('components').where('workspace_id', '=', ctx.workspaceId).where('id', '=', id).execute();
    await recordAudit(tx, ctx, { action: 'component.delete', entityType: 'component', entityId: id, before: presentComponent(before) });
  });
}
