import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.ts';
import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Language, Name, TimeZone, parseInput, stripUndefined } from '../schemas.ts';
import { presentWorkspace } from './create-workspace.ts';

export const UpdateWorkspaceInput = z.strictObject({ name: Name.optional(), time_zone: TimeZone.optional(), default_language: Language.optional() });

export async function getWorkspace({ ctx }: { ctx: Ctx }) {
  authorize(ctx, 'workspace.read');
  const row = await (ctx.tx ?? ctx.db.db).selectFrom('workspaces').selectAll().where('id', '=', ctx.workspaceId).executeTakeFirst();
  if (!row) throw new NotFoundError('workspace', ctx.workspaceId);
  return presentWorkspace(row);
}

export async function updateWorkspace({ ctx, input, expectedVersion }: { ctx: Ctx; input: z.input<typeof UpdateWorkspaceInput>; expectedVersion?: number }) {
  authorize(ctx, 'workspace.manage');
  const data = parseInput(UpdateWorkspaceInput, input);
  return withTransaction(ctx, async (tx) => {
    const before = await getWorkspace({ ctx: { ...ctx, tx } });
    checkVersion('workspace', before.version, expectedVersion);
    const row = await tx
      .updateTable('workspaces')
      .set({ ...stripUndefined(data), updated_at: ctx.now(), version: before.version + 1 })
      .where('id', '=', ctx.workspaceId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = presentWorkspace(row);
    await recordAudit(tx, ctx, { action: 'workspace.update', entityType: 'workspace', entityId: ctx.workspaceId, before, after });
    return after;
  });
}
