import { z } from 'zod';
import { newId } from '../../domain/ids.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Description, Name, Position, parseInput } from '../schemas.ts';
import { presentGroup } from './internal.ts';

export const CreateGroupInput = z.strictObject({ name: Name, description: Description.optional(), position: Position.optional() });

export async function createGroup({ ctx, input }: { ctx: Ctx; input: z.input<typeof CreateGroupInput> }) {
  authorize(ctx, 'component.manage');
  const data = parseInput(CreateGroupInput, input);
  return withTransaction(ctx, async (tx) => {
    const position =
      data.position ??
      ((await tx.selectFrom('component_groups').select((eb) => eb.fn.max('position').as('max')).where('workspace_id', '=', ctx.workspaceId).executeTakeFirst())?.max ?? 0) + 1;
    const now = ctx.now();
    const row = await tx
      .insertInto('component_groups')
      .values({ workspace_id: ctx.workspaceId, id: newId(), name: data.name, description: data.description ?? null, position, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    const group = presentGroup(row, []);
    await recordAudit(tx, ctx, { action: 'component_group.create', entityType: 'component_group', entityId: row.id, after: group });
    return group;
  });
}
