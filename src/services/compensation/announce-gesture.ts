import { ConflictError, InvalidError } from '../../domain/errors.ts';
import { offerSentence, transition } from '../../domain/compensation/gesture.ts';
import { marker } from '../../domain/message/fill.ts';
import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { createMessage } from '../messages/create-message.ts';
import { loadCommsSettings } from '../settings/comms-settings.ts';
import { fetchGesture, presentOne, termsOf } from './internal.ts';

/**
 * Drafts the gesture's public announcement: a message of stage compensation for the status page's
 * audience, in French and English, on the status page and by e-mail, its offer written in. It is
 * then linted, approved and published like any message; publishing it records the promise. The
 * gesture's terms are frozen from here.
 */
export async function announceGesture({ ctx, incidentId, gestureId, expectedVersion }: { ctx: Ctx; incidentId: string; gestureId: string; expectedVersion?: number }) {
  authorize(ctx, 'compensation.manage');
  authorize(ctx, 'message.write');
  return withTransaction(ctx, async (tx) => {
    const gesture = await fetchGesture(tx, ctx, incidentId, gestureId, true);
    checkVersion('compensation gesture', gesture.version, expectedVersion);
    const step = transition(gesture.state, 'announce');
    if (!step.ok) throw new ConflictError('compensation-not-announceable', `The gesture cannot be announced: ${step.reason}.`);
    const now = ctx.now();
    if (gesture.due_at === null || gesture.due_at <= now) {
      throw new InvalidError('Say when the gesture will have been delivered before announcing it: a public promise has a time.', [{ pointer: '/due_at', detail: gesture.due_at ? 'is past: set a later one' : 'required to announce' }], 'compensation-due-missing');
    }
    const [settings, workspace] = await Promise.all([
      loadCommsSettings(tx, ctx.workspaceId),
      tx.selectFrom('workspaces').select('time_zone').where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow(),
    ]);
    const message = await createMessage({
      ctx: { ...ctx, tx },
      incidentId,
      input: { stage: 'compensation', audiences: [settings.status_page_audience], languages: ['fr', 'en'], channels: ['status_page', 'email'] },
    });
    const terms = termsOf(gesture);
    for (const variant of message.variants) {
      const language = variant.language;
      const body = variant.body.replaceAll(marker('compensation', language), offerSentence(terms, language, gesture.due_at, workspace.time_zone, now));
      if (body !== variant.body) await tx.updateTable('message_variants').set({ body }).where('workspace_id', '=', ctx.workspaceId).where('id', '=', variant.id).execute();
    }
    const row = await tx
      .updateTable('compensation_gestures')
      .set({ state: step.to, message_id: message.id, updated_at: now, version: gesture.version + 1 })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', gestureId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = await presentOne(tx, ctx, row);
    await recordAudit(tx, ctx, { action: 'compensation.announce', entityType: 'compensation_gesture', entityId: row.id, before: { state: gesture.state }, after: { state: row.state, message_id: message.id } });
    return view;
  });
}
