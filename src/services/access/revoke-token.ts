import { NotFoundError } from '../../domain/errors.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { presentToken } from './create-token.ts';
import { forgetToken } from './resolve-actor.ts';

export async function revokeToken({ ctx, id }: { ctx: Ctx; id: string }) {
  authorize(ctx, 'token.manage');
  return withTransaction(ctx, async (tx) => {
    const before = await tx.selectFrom('api_tokens').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', id).executeTakeFirst();
    if (!before) throw new NotFoundError('token', id);
    const row = await tx
      .updateTable('api_tokens')
      .set({ revoked_at: before.revoked_at ?? ctx.now() })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    forgetToken(ctx.workspaceId, id);
    const after = presentToken(row);
    await recordAudit(tx, ctx, { action: 'token.revoke', entityType: 'token', entityId: id, before: presentToken(before), after });
    return after;
  });
}
