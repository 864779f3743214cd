import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';

/** Removes a person from the workspace and ends their sessions; the last owner cannot be removed. */
export async function removeMember({ ctx, userId }: { ctx: Ctx; userId: string }) {
  authorize(ctx, 'member.manage');
  await withTransaction(ctx, async (tx) => {
    const member = await tx.selectFrom('memberships').selectAll().where('workspace_id', '=', ctx.workspaceId).where('user_id', '=', userId).forUpdate().executeTakeFirst();
    if (!member) throw new NotFoundError('member', userId);
    if (member.role === 'owner') {
      const owners = await tx.selectFrom('memberships').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', ctx.workspaceId).where('role', '=', 'owner').executeTakeFirstOrThrow();
      if (owners.n <= 1) throw new ConflictError('last-owner', 'A workspace keeps at least one owner; make someone else owner first.');
    }
    await tx.deleteFrom('sessions').where('workspace_id', '=', ctx.workspaceId).where('user_id', '=', userId).execute();
    await tx.deleteFrom('memberships').where('workspace_id', '=', ctx.workspaceId).where('user_id', '=', userId).execute();
    await recordAudit(tx, ctx, { action: 'member.remove', entityType: 'member', entityId: userId, before: { role: member.role } });
  });
}
