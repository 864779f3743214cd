import { z } from 'zod';
import { newWebhookSecret } from '../../adapters/webhook/webhook.ts';
import { ConflictError, InvalidError } from '../../domain/errors.ts';
import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Id, Language, parseInput } from '../schemas.ts';
import { Segments, segmentsOf, setSegments } from './subscriber-segments.ts';
import { assertComponentsExist, auditView, componentIdsOf, fetchSubscriber, presentSubscriber, setComponents } from './internal.ts';

export const UpdateSubscriberInput = z.strictObject({
  language: Language.optional(),
  /** The components to hear about, replacing the list; empty: every component. */
  component_ids: z.array(Id).max(500).optional(),
  /** Customer segments, replacing the list (compensation eligibility). */
  segments: Segments.optional(),
  /** active confirms a pending subscriber (a webhook checked by hand); unsubscribed stops everything. */
  state: z.enum(['active', 'unsubscribed']).optional(),
  /** true switches back on a subscriber the workers turned off after repeated failures. */
  enabled: z.literal(true).optional(),
  /** Webhooks: a new signing secret, in this answer only. */
  rotate_secret: z.literal(true).optional(),
});
export type UpdateSubscriberInput = z.input<typeof UpdateSubscriberInput>;

export async function updateSubscriber({ ctx, id, input, expectedVersion }: { ctx: Ctx; id: string; input: UpdateSubscriberInput; expectedVersion?: number }) {
  authorize(ctx, 'subscribers.manage');
  const data = parseInput(UpdateSubscriberInput, input);
  return withTransaction(ctx, async (tx) => {
    const before = await fetchSubscriber(tx, ctx, id);
    checkVersion('subscriber', before.version, expectedVersion);
    const beforeComponents = (await componentIdsOf(tx, ctx.workspaceId, [id])).get(id) ?? [];
    if (data.state === 'active' && before.state === 'unsubscribed') {
      throw new ConflictError('subscriber-unsubscribed', 'This person unsubscribed: only they can subscribe again, from the page or from their preferences link.');
    }
    if (data.rotate_secret && before.channel !== 'webhook') {
      throw new InvalidError('Only a webhook subscriber has a signing secret.', [{ pointer: '/rotate_secret', detail: `a ${before.channel} subscriber has no secret` }]);
    }
    const now = ctx.now();
    const components = data.component_ids ? [...new Set(data.component_ids)] : undefined;
    if (components) {
      await assertComponentsExist(tx, ctx.workspaceId, components, '/component_ids');
      await setComponents(tx, ctx.workspaceId, id, components);
    }
    const beforeSegments = await segmentsOf(tx, ctx.workspaceId, id);
    const segments = data.segments ? [...new Set(data.segments)].sort() : beforeSegments;
    if (data.segments) await setSegments(tx, ctx.workspaceId, id, segments);
    const secret = data.rotate_secret ? newWebhookSecret() : null;
    const changesState = data.state !== undefined && data.state !== before.state;
    const row = await tx
      .updateTable('subscribers')
      .set({
        ...(data.language ? { language: data.language } : {}),
        ...(components ? { all_components: components.length === 0 } : {}),
        ...(changesState && data.state === 'active' ? { state: 'active' as const, confirmed_at: now, confirm_code_hash: null, confirm_expires_at: null } : {}),
        ...(changesState && data.state === 'unsubscribed' ? { state: 'unsubscribed' as const, unsubscribed_at: now } : {}),
        ...(data.enabled ? { disabled_at: null, disabled_reason: null, consecutive_failures: 0 } : {}),
        ...(secret ? { webhook_secret: secret } : {}),
        updated_at: now,
        version: before.version + 1,
      })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const afterComponents = components ?? beforeComponents;
    await recordAudit(tx, ctx, {
      action: secret ? 'subscriber.rotate_secret' : 'subscriber.update',
      entityType: 'subscriber',
      entityId: id,
      before: { ...auditView(before, beforeComponents), segments: beforeSegments },
      after: { ...auditView(row, afterComponents), segments },
    });
    return { ...presentSubscriber(row, afterComponents), segments, ...(secret ? { webhook_secret: secret } : {}) };
  });
}
