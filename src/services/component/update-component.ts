import { z } from 'zod';
import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { ComponentStatus, DateOnly, Description, Id, Name, Position, parseInput, stripUndefined } from '../schemas.ts';
import { applyComponentStatus, fetchComponent } from './component-status.ts';
import { fetchGroup, presentComponent } from './internal.ts';

export const UpdateComponentInput = z.strictObject({
  name: Name.optional(),
  description: Description.optional(),
  group_id: Id.nullable().optional(),
  position: Position.optional(),
  status: ComponentStatus.optional(),
  showcase: z.boolean().optional(),
  only_show_if_degraded: z.boolean().optional(),
  start_date: DateOnly.nullable().optional(),
});
export type UpdateComponentInput = z.input<typeof UpdateComponentInput>;

/** Edits a component. Changing only the status needs `component.set_status`; anything else `component.manage`. */
export async function updateComponent({ ctx, id, input, expectedVersion }: { ctx: Ctx; id: string; input: UpdateComponentInput; expectedVersion?: number }) {
  const data = parseInput(UpdateComponentInput, input);
  const { status, ...details } = data;
  const changesDetails = Object.values(details).some((value) => value !== undefined);
  authorize(ctx, changesDetails ? 'component.manage' : 'component.set_status');
  return withTransaction(ctx, async (tx) => {
    const before = await fetchComponent(tx, ctx, id, true);
    checkVersion('component', before.version, expectedVersion);
    if (details.group_id) await fetchGroup(tx, ctx, details.group_id);
    if (status) await applyComponentStatus(tx, ctx, id, status);
    if (changesDetails) {
      const current = await fetchComponent(tx, ctx, id);
      await tx
        .updateTable('components')
        .set({ ...stripUndefined(details), updated_at: ctx.now(), version: current.version + 1 })
        .where('workspace_id', '=', ctx.workspaceId)
        .where('id', '=', id)
        .execute();
    }
    const after = presentComponent(await fetchComponent(tx, ctx, id));
    await recordAudit(tx, ctx, { action: 'component.update', entityType: 'component', entityId: id, before: presentComponent(before), after });
    return after;
  });
}
