import { z } from 'zod';
import { InvalidError, NotFoundError } from '../../domain/errors.ts';
import { checklistDefinitions, isChecklistItem } from '../../domain/crisis-plan/checklist.ts';
import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';

export const TickChecklistItemInput = z.strictObject({
  is_ready: z.boolean(),
  /** What was checked, and how (the press list's location, the account's handle). */
  note: z.string().trim().max(500).nullable().default(null),
});
export type TickChecklistItemInput = z.input<typeof TickChecklistItemInput>;

/**
 * Ticks a channel check by hand, with who and when, where Tocsin cannot see the account; a check
 * derived from the configuration is fixed there, not ticked (If-Match: the tick's version).
 */
export async function tickChecklistItem({ ctx, item, input, expectedVersion }: { ctx: Ctx; item: string; input: TickChecklistItemInput; expectedVersion?: number }) {
  authorize(ctx, 'plan.manage');
  if (!isChecklistItem(item)) throw new NotFoundError('checklist-item', item);
  const definition = checklistDefinitions.find((d) => d.item === item)!;
  if (definition.source === 'derived') {
    throw new InvalidError(`“${definition.label.en}” is read from the configuration and cannot be ticked by hand: fix it where it is configured.`, [{ pointer: '/is_ready', detail: 'derived from the configuration' }], 'checklist-item-derived');
  }
  const data = parseInput(TickChecklistItemInput, input);
  return withTransaction(ctx, async (tx) => {
    const before = await tx.selectFrom('crisis_checklist_ticks').selectAll().where('workspace_id', '=', ctx.workspaceId).where('item', '=', item).forUpdate().executeTakeFirst();
    checkVersion('checklist tick', before?.version ?? 0, expectedVersion);
    const now = ctx.now();
    const values = { is_ready: data.is_ready, note: data.note, ticked_by_id: ctx.actor.type === 'system' ? null : ctx.actor.id, ticked_by_name: ctx.actor.name, ticked_at: now, version: (before?.version ?? 0) + 1 };
    const row = before
      ? await tx.updateTable('crisis_checklist_ticks').set(values).where('workspace_id', '=', ctx.workspaceId).where('item', '=', item).returningAll().executeTakeFirstOrThrow()
      : await tx.insertInto('crisis_checklist_ticks').values({ workspace_id: ctx.workspaceId, item, ...values }).returningAll().executeTakeFirstOrThrow();
    const after = { item, is_ready: row.is_ready, note: row.note, by: row.ticked_by_name, at: row.ticked_at.toISOString(), version: row.version };
    await recordAudit(tx, ctx, { action: 'crisis_plan.tick', entityType: 'crisis_checklist_tick', entityId: item, before: before ? { is_ready: before.is_ready, note: before.note } : undefined, after });
    return after;
  });
}
