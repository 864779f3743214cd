import { authorize, type Ctx } from '../context.ts';

export async function listMembers({ ctx }: { ctx: Ctx }) {
  authorize(ctx, 'workspace.read');
  const rows = await ctx.db.db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.name', 'users.locale', 'memberships.role', 'memberships.version', 'users.password_hash'])
    .where('memberships.workspace_id', '=', ctx.workspaceId)
    .orderBy('users.email')
    .execute();
  return rows.map(({ password_hash, ...row }) => ({ ...row, has_password: password_hash !== null }));
}
