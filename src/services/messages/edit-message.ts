import { z } from 'zod';
import type { Tx } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { InvalidError } from '../../domain/errors.ts';
import { formatMoment } from '../../domain/message/format.ts';
import { actorColumns, authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Instant, parseInput, stripUndefined, toDate } from '../schemas.ts';
import { nextUpdateIssues } from './create-message.ts';
import { assertNotPublished, fetchMessage, fetchVariants, touchMessage, stageOf } from './internal.ts';
import { loadMessage } from './message-view.ts';

export const EditMessageInput = z.strictObject({
  /** The promised next update; later than now. The variants' "next update at …" follow it. */
  next_update_at: Instant.nullable().optional(),
  notify_subscribers: z.boolean().optional(),
});
export type EditMessageInput = z.input<typeof EditMessageInput>;

const announcements = { fr: ['Prochain point à ', 'prochain point à '], en: ['Next update at ', 'next update at '] } as const;

/**
 * Changes what the message promises. The texts announcing the old time ("Prochain point à 16 h 30")
 * are rewritten to the new one, which changes the content: approvals given before no longer count.
 */
export async function editMessage({ ctx, messageId, input, expectedVersion }: { ctx: Ctx; messageId: string; input: EditMessageInput; expectedVersion?: number }) {
  authorize(ctx, 'message.write');
  const data = parseInput(EditMessageInput, input);
  return withTransaction(ctx, async (tx) => {
    const message = await fetchMessage(tx, ctx, messageId, true);
    assertNotPublished(message);
    checkVersion('message', message.version, expectedVersion);
    const now = ctx.now();
    const nextUpdateAt = data.next_update_at === undefined ? message.next_update_at : (toDate(data.next_update_at) ?? null);
    if (data.next_update_at !== undefined) {
      const issues = nextUpdateIssues(stageOf(message), nextUpdateAt, now);
      if (issues.length > 0) throw new InvalidError(`The next update cannot be set: ${issues.map((i) => i.detail).join('; ')}.`, issues);
    }
    const rewritten = data.next_update_at === undefined ? [] : await rewriteAnnouncements(tx, ctx, message, nextUpdateAt);
    const touched = await touchMessage(tx, ctx, message, stripUndefined({ next_update_at: data.next_update_at === undefined ? undefined : nextUpdateAt, notify_subscribers: data.notify_subscribers }));
    await recordAudit(tx, ctx, {
      action: 'message.edit',
      entityType: 'message',
      entityId: messageId,
      before: { next_update_at: message.next_update_at, notify_subscribers: message.notify_subscribers },
      after: { next_update_at: touched.next_update_at, notify_subscribers: touched.notify_subscribers, rewritten_variant_ids: rewritten },
    });
    return loadMessage(tx, ctx, touched);
  });
}

/** Replaces "Prochain point à <old time>" by the new time in each variant that says it; returns their ids. */
async function rewriteAnnouncements(tx: Tx, ctx: Ctx, message: Row<'messages'>, nextUpdateAt: Date | null): Promise<string[]> {
  const previous = message.next_update_at;
  if (previous === null || nextUpdateAt === null) return [];
  const workspace = await tx.selectFrom('workspaces').select('time_zone').where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow();
  const now = ctx.now();
  const editor = actorColumns(ctx.actor);
  const changed: string[] = [];
  const tz = workspace.time_zone;
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const variant of await fetchVariants(tx, ctx, [message.id])) {
    // The old time as it was written: relative to the day the text was drafted, or to today.
    const oldLabels = [...new Set([variant.created_at, variant.updated_at, now].map((day) => formatMoment(previous, variant.language, tz, day)))];
    const newLabel = formatMoment(nextUpdateAt, variant.language, tz, now);
    const leads = announcements[variant.language].map(escape).join('|');
    const labels = oldLabels.sort((a, b) => b.length - a.length).map(escape).join('|');
    // One pass, and not inside a longer time: "16 h" must not match the start of "16 h 30".
    const body = variant.body.replace(new RegExp(`(${leads})(?:${labels})(?![\\p{L}\\p{N}]| \\d)`, 'gu'), (_whole, lead: string) => lead + newLabel);
    if (body === variant.body) continue;
    await tx
      .updateTable('message_variants')
      .set({ body, editor_type: editor.author_type, editor_id: editor.author_id, editor_name: editor.author_name, updated_at: now, version: variant.version + 1 })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', variant.id)
      .execute();
    changed.push(variant.id);
  }
  return changed;
}
