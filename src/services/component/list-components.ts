import { authorize, type Ctx } from '../context.ts';
import { fetchComponent } from './component-status.ts';
import { fetchGroup, presentComponent, presentGroup } from './internal.ts';

/** Components by position, and groups with the ids of their components in the same order. */
export async function listComponents({ ctx }: { ctx: Ctx }) {
  authorize(ctx, 'component.read');
  const db = ctx.tx ?? ctx.db.db;
  const [components, groups] = await Promise.all([
    db.selectFrom('components').selectAll().where('workspace_id', '=', ctx.workspaceId).orderBy('position').orderBy('id').execute(),
    db.selectFrom('component_groups').selectAll().where('workspace_id', '=', ctx.workspaceId).orderBy('position').orderBy('id').execute(),
  ]);
  return {
    components: components.map(presentComponent),
    groups: groups.map((group) => presentGroup(group, components.filter((c) => c.group_id === group.id).map((c) => c.id))),
  };
}

export async function getComponent({ ctx, id }: { ctx: Ctx; id: string }) {
  authorize(ctx, 'component.read');
  return ctx.db.transaction(async (tx) => presentComponent(await fetchComponent(tx, ctx, id)));
}

export async function getGroup({ ctx, id }: { ctx: Ctx; id: string }) {
  authorize(ctx, 'component.read');
  return ctx.db.transaction(async (tx) => {
    const group = await fetchGroup(tx, ctx, id);
    const members = await tx.selectFrom('components').select('id').where('workspace_id', '=', ctx.workspaceId).where('group_id', '=', id).orderBy('position').orderBy('id').execute();
    return presentGroup(group, members.map((member) => member.id));
  });
}
