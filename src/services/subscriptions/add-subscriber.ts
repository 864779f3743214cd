import { z } from 'zod';
import { newWebhookSecret } from '../../adapters/webhook/webhook.ts';
import { ConflictError, InvalidError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Id, Language, parseInput } from '../schemas.ts';
import { normalizeAddress } from './address.ts';
import { Segments, setSegments } from './subscriber-segments.ts';
import { assertComponentsExist, auditView, fetchPage, isUniqueViolation, newManageToken, presentSubscriber, setComponents } from './internal.ts';

export const AddSubscriberInput = z.strictObject({
  channel: z.enum(['email', 'sms', 'webhook']),
  /** An e-mail address, a phone number (national numbers read as French on a French page) or an https URL. */
  address: z.string().trim().min(1).max(2_000),
  /** fr or en. (Default: the page's language) */
  language: Language.optional(),
  /** Components to hear about; empty: every component. (Default: []) */
  component_ids: z.array(Id).max(500).default([]),
  /** Customer segments ("pro", "public-sector"), for compensation eligibility. (Default: []) */
  segments: Segments.default([]),
});
export type AddSubscriberInput = z.input<typeof AddSubscriberInput>;

/**
 * Adds a subscriber, active at once: the administrator asserts the person's consent. A webhook
 * subscriber's signing secret is in this answer and never again (rotate it to get a new one).
 */
export async function addSubscriber({ ctx, pageId, input }: { ctx: Ctx; pageId: string; input: AddSubscriberInput }) {
  authorize(ctx, 'subscribers.manage');
  const data = parseInput(AddSubscriberInput, input);
  return withTransaction(ctx, async (tx) => {
    const page = await fetchPage(tx, ctx, pageId);
    const normalized = normalizeAddress(data.channel, data.address, page.language);
    if (!normalized.ok) throw new InvalidError(normalized.reason, [{ pointer: '/address', detail: normalized.reason }], `${data.channel === 'sms' ? 'phone' : data.channel === 'email' ? 'email' : 'url'}-invalid`);
    const components = [...new Set(data.component_ids)];
    await assertComponentsExist(tx, ctx.workspaceId, components, '/component_ids');
    const now = ctx.now();
    const secret = data.channel === 'webhook' ? newWebhookSecret() : null;
    const row = await tx
      .insertInto('subscribers')
      .values({
        workspace_id: ctx.workspaceId,
        id: newId(),
        page_id: pageId,
        channel: data.channel,
        address: normalized.address,
        language: data.language ?? page.language,
        all_components: components.length === 0,
        state: 'active',
        manage_token: newManageToken(ctx.workspaceId),
        webhook_secret: secret,
        source: 'admin',
        created_at: now,
        confirmed_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? new ConflictError('subscriber-exists', `This page already has the ${data.channel} subscriber ${normalized.address}; edit it instead (an unsubscribed person subscribes again themselves).`) : error;
      });
    await setComponents(tx, ctx.workspaceId, row.id, components);
    const segments = [...new Set(data.segments)].sort();
    await setSegments(tx, ctx.workspaceId, row.id, segments);
    await recordAudit(tx, ctx, { action: 'subscriber.add', entityType: 'subscriber', entityId: row.id, after: { ...auditView(row, components), segments } });
    return { ...presentSubscriber(row, components), segments, ...(secret ? { webhook_secret: secret } : {}) };
  });
}
