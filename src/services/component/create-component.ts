import { z } from 'zod';
import { newId } from '../../domain/ids.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { ComponentStatus, DateOnly, Description, Id, Name, Position, parseInput } from '../schemas.ts';
import { fetchGroup, presentComponent } from './internal.ts';

export const CreateComponentInput = z.strictObject({
  name: Name,
  description: Description.optional(),
  group_id: Id.nullable().optional(),
  position: Position.optional(),
  status: ComponentStatus.default('operational'),
  showcase: z.boolean().default(true),
  only_show_if_degraded: z.boolean().default(false),
  start_date: DateOnly.nullable().optional(),
});
export type CreateComponentInput = z.input<typeof CreateComponentInput>;

export async function createComponent({ ctx, input }: { ctx: Ctx; input: CreateComponentInput }) {
  authorize(ctx, 'component.manage');
  const data = parseInput(CreateComponentInput, input);
  return withTransaction(ctx, async (tx) => {
    if (data.group_id) await fetchGroup(tx, ctx, data.group_id);
    const position =
      data.position ??
      ((await tx
        .selectFrom('components')
        .select((eb) => eb.fn.max('position').as('max'))
        .where('workspace_id', '=', ctx.workspaceId)
        .executeTakeFirst())?.max ?? 0) + 1;
    const now = ctx.now();
    const row = await tx
      .insertInto('components')
      .values({
        workspace_id: ctx.workspaceId,
        id: newId(),
        group_id: data.group_id ?? null,
        name: data.name,
        description: data.description ?? null,
        position,
        status: data.status,
        showcase: data.showcase,
        only_show_if_degraded: data.only_show_if_degraded,
        start_date: data.start_date ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    // The history starts with the component, so uptime is known from its first minute.
    await tx
      .insertInto('component_status_changes')
      .values({ workspace_id: ctx.workspaceId, component_id: row.id, status: row.status, previous_status: null, changed_at: now, incident_id: null, maintenance_id: null })
      .execute();
    const component = presentComponent(row);
    await recordAudit(tx, ctx, { action: 'component.create', entityType: 'component', entityId: row.id, after: component });
    return component;
  });
}
