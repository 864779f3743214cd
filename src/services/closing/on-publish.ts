import type { Tx } from '../../adapters/db/connect.ts';
import { isFinal } from '../../domain/message/stages.ts';
import type { Ctx } from '../context.ts';
import type { PublishingMessage } from '../messages/stage-effects.ts';
import { loadCommsSettings } from '../settings/comms-settings.ts';
import { assertPromisesSettled } from './assert-promises-settled.ts';

/**
 * Checked inside the publish transaction, before anything is written: a resolved or closing message
 * closes the incident publicly, so every promise must be kept, dropped or on the follow-up list. An
 * incident still internal closing without a status-page variant stays internal, and is not gated.
 */
export async function beforeClosingPublish(tx: Tx, ctx: Ctx, publishing: PublishingMessage): Promise<void> {
  if (!isFinal(publishing.stage)) return;
  const { status_page_audience: pageAudience } = await loadCommsSettings(tx, ctx.workspaceId);
  const isOnPage = publishing.variants.some((v) => v.channel === 'status_page' && v.audience === pageAudience);
  if (publishing.incident.public_at === null && !isOnPage) return;
  // The page update the publish adds settles the pending next-update promises (publishVariants).
  await assertPromisesSettled(tx, ctx, publishing.incident.id, isOnPage);
}

/** Run inside the publish transaction, after the message is published (a rollback undoes both). */
export async function afterClosingPublish(tx: Tx, ctx: Ctx, publishing: PublishingMessage): Promise<void> {
  void tx;
  void ctx;
  void publishing;
}
