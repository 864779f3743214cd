import { z } from 'zod';
import type { Db } from '../../adapters/db/connect.ts';
import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';

export const UpdateClosingSettingsInput = z.strictObject({
  /** Where closing messages invite questions and feedback: an address, a link or a number; null clears it. */
  feedback_contact: z.string().trim().min(3).max(300).nullable(),
});
export type UpdateClosingSettingsInput = z.input<typeof UpdateClosingSettingsInput>;

export async function loadClosingSettings(db: Db, workspaceId: string) {
  const row = await db.selectFrom('closing_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
  return { feedback_contact: row?.feedback_contact ?? null, version: row?.version ?? 0, updated_at: row?.updated_at.toISOString() ?? null };
}

/** The closing settings; every role may read them (they shape every closing message). */
export async function getClosingSettings({ ctx }: { ctx: Ctx }) {
  authorize(ctx, 'workspace.read');
  return loadClosingSettings(ctx.tx ?? ctx.db.db, ctx.workspaceId);
}

/** Sets the feedback channel closing messages give (If-Match: the version, 0 before the first). */
export async function updateClosingSettings({ ctx, input, expectedVersion }: { ctx: Ctx; input: UpdateClosingSettingsInput; expectedVersion?: number }) {
  authorize(ctx, 'settings.manage');
  const data = parseInput(UpdateClosingSettingsInput, input);
  return withTransaction(ctx, async (tx) => {
    const before = await tx.selectFrom('closing_settings').selectAll().where('workspace_id', '=', ctx.workspaceId).forUpdate().executeTakeFirst();
    checkVersion('closing settings', before?.version ?? 0, expectedVersion);
    const now = ctx.now();
    await tx
      .insertInto('closing_settings')
      .values({ workspace_id: ctx.workspaceId, feedback_contact: data.feedback_contact, updated_at: now, version: 1 })
      .onConflict((conflict) => conflict.column('workspace_id').doUpdateSet({ feedback_contact: data.feedback_contact, updated_at: now, version: (before?.version ?? 0) + 1 }))
      .execute();
    await recordAudit(tx, ctx, { action: 'closing.settings', entityType: 'closing_settings', entityId: ctx.workspaceId, before: before && { feedback_contact: before.feedback_contact }, after: { feedback_contact: data.feedback_contact } });
    return loadClosingSettings(tx, ctx.workspaceId);
  });
}
