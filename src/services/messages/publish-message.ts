import type { Tx } from '../../adapters/db/connect.ts';
import type { Language, Row } from '../../adapters/db/schema.ts';
import { ConflictError, TocsinError } from '../../domain/errors.ts';
import { needsNextUpdate, statusOnPublish } from '../../domain/message/stages.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { recordNextUpdatePromise, recordSaid, settleNextUpdatePromises } from '../facts/ledger.ts';
import { fanOutMessage } from '../delivery/fan-out.ts';
import { controllersAudience } from '../../domain/clocks/breach-register.ts';
import { recordControllerNotice } from '../regulatory/controller-notices.ts';
import { addIncidentUpdate } from '../incident/add-incident-update.ts';
import { fetchIncidentRow, fetchMessage, fetchReviews, fetchVariants, hashOf, loadCommsSettings, stateOf, stageOf } from './internal.ts';
import { lintVariants, loadMessage, messageLintSetting } from './message-view.ts';
import { afterStagePublish, beforeStagePublish } from './stage-effects.ts';
import { becomesIncidentUpdate } from '../../domain/corrections/correction.ts';

/** Publishes an approved message: every variant at once, in one transaction. Twice is a conflict. */
export async function publishMessage({ ctx, messageId }: { ctx: Ctx; messageId: string }) {
  authorize(ctx, 'message.publish');
  return withTransaction(ctx, async (tx) => {
    const message = await lockForPublish(tx, ctx, messageId);
    const [variants, reviews, settings] = await Promise.all([fetchVariants(tx, ctx, [messageId]), fetchReviews(tx, ctx, [messageId]), loadCommsSettings(tx, ctx.workspaceId)]);
    const state = stateOf(message, variants, reviews, settings.four_eyes);
    if (state !== 'approved') {
      throw new ConflictError('message-not-approved', `The message is ${state.replace('_', ' ')}, not approved: it needs an approval of its current content${settings.four_eyes ? ' by someone who did not write it' : ''}.`);
    }
    await checkFactsSinceApproval(tx, ctx, { message, variants, reviews, settings, hash: hashOf(message, variants) });
    return publishVariants(tx, ctx, { message, variants, statusPageAudience: settings.status_page_audience, emergencyReason: null });
  });
}

/**
 * The fact sheet may have moved since the approval (120,000 people affected, not 1,000): the
 * variants are checked again against it, and an error-level finding the approval did not override
 * stops the publish. Nothing is lost: the message stays approved-but-unpublished until someone
 * edits it (and it is approved again) or a reviewer overrides the new finding.
 */
async function checkFactsSinceApproval(
  tx: Tx,
  ctx: Ctx,
  { message, variants, reviews, settings, hash }: { message: Row<'messages'>; variants: Row<'message_variants'>[]; reviews: Row<'message_reviews'>[]; settings: Awaited<ReturnType<typeof loadCommsSettings>>; hash: string },
) {
  const overridden = new Set(reviews.filter((review) => review.kind === 'approve' && review.content_hash === hash).flatMap((review) => review.overridden_rules));
  const findings = lintVariants(message, variants, await messageLintSetting(tx, ctx, message, settings), ctx.now());
  const blocking = variants.flatMap((variant) => (findings.get(variant.id) ?? []).filter((f) => f.severity === 'error' && !overridden.has(f.rule)).map((finding) => ({ variant, finding })));
  if (blocking.length === 0) return;
  throw new TocsinError(
    'conflict',
    'findings-since-approval',
    `Since it was approved, the message has ${blocking.length} error-level finding${blocking.length > 1 ? 's' : ''} against the fact sheet as it is now: edit it (then have it approved again), or have a reviewer approve it again with an override_reason.`,
    {
      issues: blocking.map(({ variant, finding }) => ({
        pointer: `/variants/${variant.id}/${finding.field === 'subject' ? 'subject' : 'body'}`,
        detail: `${finding.rule} [${finding.start}, ${finding.end}) ${variant.audience} · ${variant.language} · ${variant.channel}: ${finding.message}`,
      })),
    },
  );
}

export async function lockForPublish(tx: Tx, ctx: Ctx, messageId: string): Promise<Row<'messages'>> {
  const message = await fetchMessage(tx, ctx, messageId, true);
  if (message.state === 'published') throw new ConflictError('message-already-published', `Message ${messageId} was published at ${message.published_at?.toISOString()}: it goes out once.`);
  return message;
}

/**
 * The publish itself. The status-page variants (status_page channel, the workspace's status-page
 * audience) become one incident update with their text per language; the page's subscribers and the
 * team's channels get one delivery each, which the workers send; each is recorded as said in the fact sheet, the previous
 * next-update promises are settled and the new one recorded. A rollback sends nothing.
 */
export async function publishVariants(
  tx: Tx,
  ctx: Ctx,
  { message, variants, statusPageAudience, emergencyReason }: { message: Row<'messages'>; variants: Row<'message_variants'>[]; statusPageAudience: string; emergencyReason: string | null },
) {
  const now = ctx.now();
  const stage = stageOf(message);
  if (needsNextUpdate(stage) && (message.next_update_at === null || message.next_update_at <= now)) {
    throw new ConflictError('next-update-passed', 'The next update this message announces is not in the future any more: set a new time (PATCH the message), then have it approved again.');
  }
  const incident = await fetchIncidentRow(tx, ctx, message.incident_id);
  const workspace = await tx.selectFrom('workspaces').select(['default_language', 'time_zone']).where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow();
  await beforeStagePublish(tx, ctx, { message, variants, incident, stage, now });

  const onPage = variants.filter((v) => v.channel === 'status_page' && v.audience === statusPageAudience);
  // Doctrine §1: the first public statement goes everywhere at once; subscribers never hear of an incident declared internally that the page does not show.
  const toSubscribers = message.notify_subscribers && variants.some((v) => v.audience === statusPageAudience && (v.channel === 'email' || v.channel === 'sms'));
  if (incident.public_at === null && onPage.length === 0 && toSubscribers) {
    throw new ConflictError('first-public-message-without-page', `The incident is still internal: its first message to subscribers must also carry the status-page variant for "${statusPageAudience}", so the page and the subscribers learn of it at once. Add that variant, or do not notify subscribers.`);
  }
  let incidentUpdate = null;
  // A rumor correction's page variants go to the corrections log (services/corrections/on-publish.ts), not the timeline.
  if (onPage.length > 0 && becomesIncidentUpdate(stage)) {
    const bodies: Partial<Record<Language, string>> = Object.fromEntries(onPage.map((v) => [v.language, v.body]));
    const body = bodies[workspace.default_language] ?? Object.values(bodies)[0]!;
    const added = await addIncidentUpdate({
      ctx: { ...ctx, tx },
      id: incident.id,
      messageId: message.id,
      input: {
        status: statusOnPublish(stage, incident.status),
        body,
        bodies,
        deliver_notifications: message.notify_subscribers,
        ...(message.next_update_at && message.next_update_at > now ? { next_update_at: message.next_update_at.toISOString() } : {}),
      },
    });
    incidentUpdate = added.update;
  }

  const deliveries = await fanOutMessage(tx, ctx, { message, variants, statusPageAudience, defaultLanguage: workspace.default_language });
  // GDPR Art. 33(2): a processor's notice to its controllers counts as given when it is published.
  if (variants.some((v) => v.audience === controllersAudience && v.channel === 'email')) await recordControllerNotice(tx, ctx, { message });
  for (const variant of variants) {
    const text = variant.channel === 'email' && variant.subject ? `${variant.subject}\n\n${variant.body}` : variant.body;
    await recordSaid(tx, ctx, { incidentId: incident.id, messageId: message.id, variantId: variant.id, audience: variant.audience, channel: variant.channel, language: variant.language, text, at: now });
  }
  // A public update keeps or breaks the promises made before it, by its time.
  const settled = incidentUpdate ? await settleNextUpdatePromises(tx, ctx, incident.id, now) : { kept: 0, broken: 0 };
  let promiseId: string | null = null;
  if (message.next_update_at) {
    promiseId = await recordNextUpdatePromise(tx, ctx, { incidentId: incident.id, dueAt: message.next_update_at, messageId: message.id, at: now, workspace });
  }

  const isEmergency = emergencyReason !== null;
  const published = {
    ...message,
    state: 'published' as const,
    published_at: now,
    published_by_name: ctx.actor.name,
    incident_update_id: incidentUpdate?.id ?? null,
    emergency: isEmergency,
    emergency_reason: emergencyReason,
    updated_at: now,
    version: message.version + 1,
  };
  await tx
    .updateTable('messages')
    .set({
      state: published.state,
      published_at: now,
      published_by_name: published.published_by_name,
      incident_update_id: published.incident_update_id,
      emergency: isEmergency,
      emergency_reason: emergencyReason,
      updated_at: now,
      version: published.version,
    })
    .where('workspace_id', '=', ctx.workspaceId)
    .where('id', '=', message.id)
    .execute();
  await afterStagePublish(tx, ctx, { message: published, variants, incident, stage, now });
  const result = {
    incident_update: incidentUpdate,
    deliveries,
    said: variants.length,
    promise_id: promiseId,
    settled_promises: settled,
  };
  await recordAudit(tx, ctx, {
    action: isEmergency ? 'message.emergency_publish' : 'message.publish',
    entityType: 'message',
    entityId: message.id,
    before: { state: message.state },
    after: { state: 'published', content_hash: hashOf(message, variants), emergency: isEmergency, emergency_reason: emergencyReason, incident_update_id: published.incident_update_id, deliveries, settled_promises: settled },
  });
  return { ...(await loadMessage(tx, ctx, published)), ...result };
}
