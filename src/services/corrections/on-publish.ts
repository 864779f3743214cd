import type { Tx } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { textIn, type Texts } from '../../domain/corrections/correction.ts';
import { ConflictError } from '../../domain/errors.ts';
import { recordAudit, type Ctx } from '../context.ts';
import { editFactEntry } from '../facts/edit-fact-entry.ts';
import type { PublishingMessage } from '../messages/stage-effects.ts';
import { loadCommsSettings } from '../settings/comms-settings.ts';
import { markPagesStale } from '../status-page/mark-pages-stale.ts';
import { notPublic } from './create-correction.ts';
import { fetchRumor, presentCorrection, rumorStateOf } from './internal.ts';

async function correctionOf(tx: Tx, ctx: Ctx, messageId: string): Promise<Row<'corrections'> | undefined> {
  return tx.selectFrom('corrections').selectAll().where('workspace_id', '=', ctx.workspaceId).where('message_id', '=', messageId).forUpdate().executeTakeFirst();
}

/** The status-page variants' text per language: what the log shows as true, as it was approved. */
async function pageTexts(tx: Tx, ctx: Ctx, variants: Row<'message_variants'>[]): Promise<Texts> {
  const { status_page_audience } = await loadCommsSettings(tx, ctx.workspaceId);
  return Object.fromEntries(variants.filter((v) => v.channel === 'status_page' && v.audience === status_page_audience).map((v) => [v.language, v.body]));
}

/**
 * Checked inside the publish transaction, before anything is written: a correction is published
 * from a rumor that is still there and not confirmed, on a public incident, with its text for the page.
 */
export async function beforeCorrectionPublish(tx: Tx, ctx: Ctx, { message, variants, incident, stage }: PublishingMessage): Promise<void> {
  if (stage !== 'rumor_correction') return;
  const correction = await correctionOf(tx, ctx, message.id);
  if (!correction) {
    throw new ConflictError(
      'correction-needs-rumor',
      `A correction is written from a rumor of the fact sheet, so the page's corrections log can say what was said: POST /api/admin/incidents/${incident.id}/corrections with rumor_id and truth drafts its message.`,
    );
  }
  const rumor = await fetchRumor(tx, ctx, incident.id, correction.rumor_entry_id);
  if (rumor.withdrawn_at !== null) throw new ConflictError('rumor-withdrawn', 'The rumor this corrects was withdrawn from the fact sheet since: there is nothing to correct any more.');
  if (rumorStateOf(rumor) === 'confirmed') throw new ConflictError('rumor-confirmed', 'The rumor this corrects was confirmed since: it is true, and the correction would say otherwise.');
  if (incident.public_at === null) throw new ConflictError('incident-not-public', notPublic);
  if (Object.keys(await pageTexts(tx, ctx, variants)).length === 0) {
    throw new ConflictError('correction-without-page-variant', 'The corrections log shows the status-page variant, and this message has none any more: add one (status_page channel, the status page\'s audience).');
  }
}

/**
 * Run inside the publish transaction, after the message is published: the correction enters the
 * log with the approved text, the rumor is refuted with it, and the status pages rebuild.
 */
export async function afterCorrectionPublish(tx: Tx, ctx: Ctx, { message, variants, incident, stage, now }: PublishingMessage): Promise<void> {
  if (stage !== 'rumor_correction') return;
  const before = (await correctionOf(tx, ctx, message.id))!;
  const published = await pageTexts(tx, ctx, variants);
  const after: Row<'corrections'> = { ...before, published_truth: published, published_at: now, updated_at: now, version: before.version + 1 };
  await tx
    .updateTable('corrections')
    .set({ published_truth: JSON.stringify(published), published_at: now, updated_at: now, version: after.version })
    .where('workspace_id', '=', ctx.workspaceId)
    .where('id', '=', before.id)
    .execute();
  const { default_language } = await tx.selectFrom('workspaces').select('default_language').where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow();
  await editFactEntry({ ctx: { ...ctx, tx }, incidentId: incident.id, entryId: before.rumor_entry_id, input: { state: 'refuted', correction: textIn(published, default_language)! } });
  await recordAudit(tx, ctx, {
    action: 'correction.publish',
    entityType: 'correction',
    entityId: before.id,
    before: presentCorrection(before, message),
    after: presentCorrection(after, { state: 'published' }),
  });
  await markPagesStale(tx, ctx, { entityType: 'incident', entityId: incident.id });
}
