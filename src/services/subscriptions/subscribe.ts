import { z } from 'zod';
import type { Language } from '../../adapters/db/schema.ts';
import { InvalidError, NotFoundError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { sha256 } from '../../domain/secrets.ts';
import { hitRateLimit } from '../access/rate-limit.ts';
import { Id, Language as LanguageField, parseInput } from '../schemas.ts';
import { normalizeAddress } from './address.ts';
import { assertComponentsExist, newManageToken, sendConfirmation, setComponents } from './internal.ts';
import { findSubscribablePage, selfServiceCtx, type SelfServiceDeps, type SubscribablePage } from './public-context.ts';

/** Subscribe requests per client address and hour, whatever they ask. */
export const requestsPerClientHour = 30;
/** Subscribe requests per subscribed address and hour: a form cannot be used to flood one inbox. */
export const requestsPerAddressHour = 5;

export const SubscribeInput = z.strictObject({
  /** email or sms; absent: an address with an "@" is an e-mail address, anything else a phone number. Webhooks are added by an administrator. */
  channel: z.enum(['email', 'sms']).optional(),
  address: z.string().max(320),
  /** fr or en. (Default: the page's language) */
  language: LanguageField.optional(),
  /** Component ids to hear about; absent or empty: every component. */
  components: z.array(Id).max(500).optional(),
});
export type SubscribeInput = z.input<typeof SubscribeInput>;

export interface SubscribeAnswer {
  page: SubscribablePage;
  channel: 'email' | 'sms';
  language: Language;
  /** What the SMS code form sends back with the code; the same whether the number was new or not. */
  subscriberId: string;
}

/**
 * A reader subscribes on a public page (double opt-in): a new address waits, pending, for its
 * confirmation. The answer is the same whether the address was new, pending, already active,
 * unsubscribed or suppressed; only what the address receives differs (see sendConfirmation).
 */
export async function subscribe({ deps, workspaceSlug, pageSlug, input, clientAddress }: { deps: SelfServiceDeps; workspaceSlug: string; pageSlug: string; input: unknown; clientAddress: string }): Promise<SubscribeAnswer> {
  const now = deps.now();
  await hitRateLimit(deps.db, `subscribe:client:${clientAddress}`, requestsPerClientHour, 3600, now);
  const page = await findSubscribablePage(deps.db, workspaceSlug, pageSlug);
  if (!page) throw new NotFoundError('status-page', `${workspaceSlug}/${pageSlug}`);
  const data = parseInput(SubscribeInput, input);
  const channel = data.channel ?? (data.address.includes('@') ? 'email' : 'sms');
  const normalized = normalizeAddress(channel, data.address, page.language);
  if (!normalized.ok) throw new InvalidError(normalized.reason, [{ pointer: '/address', detail: normalized.reason }], channel === 'email' ? 'email-invalid' : 'phone-invalid');
  const components = [...new Set(data.components ?? [])];
  await assertComponentsExist(deps.db.db, page.workspaceId, components, '/components');
  // Hashed: the counters outlive an erasure by a day and must not keep the address.
  await hitRateLimit(deps.db, `subscribe:address:${sha256(`${page.workspaceId}:${channel}:${normalized.address}`)}`, requestsPerAddressHour, 3600, now);

  const ctx = selfServiceCtx(deps, page.workspaceId);
  const language = data.language ?? page.language;
  return deps.db.transaction(async (tx) => {
    const wanted = { language, all_components: components.length === 0, updated_at: now };
    const inserted = await tx
      .insertInto('subscribers')
      .values({ workspace_id: page.workspaceId, id: newId(), page_id: page.pageId, channel, address: normalized.address, ...wanted, state: 'pending', manage_token: newManageToken(page.workspaceId), source: 'self', created_at: now })
      .onConflict((oc) => oc.columns(['workspace_id', 'page_id', 'channel', 'address']).doNothing())
      .returningAll()
      .executeTakeFirst();
    let subscriber =
      inserted ??
      (await tx.selectFrom('subscribers').selectAll().where('workspace_id', '=', page.workspaceId).where('page_id', '=', page.pageId).where('channel', '=', channel).where('address', '=', normalized.address).forUpdate().executeTakeFirstOrThrow());
    // An active subscription is left as it is: a stranger typing the address must not change it.
    if (inserted || subscriber.state !== 'active') {
      if (!inserted) {
        subscriber = await tx
          .updateTable('subscribers')
          .set({ ...wanted, state: 'pending', version: subscriber.version + 1 })
          .where('workspace_id', '=', page.workspaceId)
          .where('id', '=', subscriber.id)
          .returningAll()
          .executeTakeFirstOrThrow();
      }
      await setComponents(tx, page.workspaceId, subscriber.id, components);
    }
    await sendConfirmation(tx, ctx, subscriber, page.name, deps.publicUrl);
    return { page, channel, language, subscriberId: subscriber.id };
  });
}
