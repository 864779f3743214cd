import type { Tx } from '../../adapters/db/connect.ts';
import { ConflictError } from '../../domain/errors.ts';
import { promiseText, transition } from '../../domain/compensation/gesture.ts';
import { recordAudit, type Ctx } from '../context.ts';
import { recordPromise } from '../facts/ledger.ts';
import type { PublishingMessage } from '../messages/stage-effects.ts';
import { termsOf } from './internal.ts';

async function announcedGesture(tx: Tx, ctx: Ctx, publishing: PublishingMessage) {
  if (publishing.stage !== 'compensation') return undefined;
  return tx
    .selectFrom('compensation_gestures')
    .selectAll()
    .where('workspace_id', '=', ctx.workspaceId)
    .where('message_id', '=', publishing.message.id)
    .forUpdate()
    .executeTakeFirst();
}

/** Checked inside the publish transaction, before anything is written: a cancelled gesture is not announced. */
export async function beforeCompensationPublish(tx: Tx, ctx: Ctx, publishing: PublishingMessage): Promise<void> {
  const gesture = await announcedGesture(tx, ctx, publishing);
  if (gesture && !transition(gesture.state, 'publish').ok) {
    throw new ConflictError('compensation-not-announceable', `The gesture this message announces is ${gesture.state}: it cannot be announced.`);
  }
}

/**
 * Run inside the publish transaction, after the message is published (a rollback undoes both): the
 * gesture is now a public promise, recorded in the fact sheet, due when it said it would be delivered.
 */
export async function afterCompensationPublish(tx: Tx, ctx: Ctx, publishing: PublishingMessage): Promise<void> {
  const gesture = await announcedGesture(tx, ctx, publishing);
  if (!gesture) return;
  const step = transition(gesture.state, 'publish');
  if (!step.ok) return;
  const { default_language: language } = await tx.selectFrom('workspaces').select('default_language').where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow();
  const promiseId = await recordPromise(tx, ctx, {
    incidentId: gesture.incident_id,
    kind: 'compensation',
    text: promiseText(termsOf(gesture), language),
    dueAt: gesture.due_at,
    messageId: publishing.message.id,
    at: publishing.now,
  });
  await tx
    .updateTable('compensation_gestures')
    .set({ state: step.to, promise_entry_id: promiseId, announced_at: publishing.now, updated_at: publishing.now, version: gesture.version + 1 })
    .where('workspace_id', '=', ctx.workspaceId)
    .where('id', '=', gesture.id)
    .execute();
  await recordAudit(tx, ctx, { action: 'compensation.announced', entityType: 'compensation_gesture', entityId: gesture.id, before: { state: gesture.state }, after: { state: step.to, promise_entry_id: promiseId } });
}
