import { z } from 'zod';
import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Description, Name, Position, parseInput, stripUndefined } from '../schemas.ts';
import { fetchGroup, presentGroup } from './internal.ts';

export const UpdateGroupInput = z.strictObject({ name: Name.optional(), description: Description.optional(), position: Position.optional() });

export async function updateGroup({ ctx, id, input, expectedVersion }: { ctx: Ctx; id: string; input: z.input<typeof UpdateGroupInput>; expectedVersion?: number }) {
  authorize(ctx, 'component.manage');
  const data = parseInput(UpdateGroupInput, input);
  return withTransaction(ctx, async (tx) => {
    const before = await fetchGroup(tx, ctx, id);
    checkVersion('component group', before.version, expectedVersion);
    const row = await tx
      .updateTable('component_groups')
      .set({ ...stripUndefined(data), updated_at: ctx.now(), version: before.version + 1 })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const members = await tx.selectFrom('components').select('id').where('workspace_id', '=', ctx.workspaceId).where('group_id', '=', id).orderBy('position').execute();
    const ids = members.map((member) => member.id);
    const after = presentGroup(row, ids);
    await recordAudit(tx, ctx, { action: 'component_group.update', entityType: 'component_group', entityId: id, before: presentGroup(before, ids), after });
    return after;
  });
}
