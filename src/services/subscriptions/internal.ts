import { randomInt } from 'node:crypto';
import type { Db, Tx } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { InvalidError, NotFoundError } from '../../domain/errors.ts';
import { newSecret } from '../../domain/ids.ts';
import { sha256 } from '../../domain/secrets.ts';
import type { Ctx } from '../context.ts';
import { subscriberLinks } from '../delivery/compose.ts';
import { enqueueDelivery } from '../delivery/enqueue-delivery.ts';
import { alreadySubscribedMail, alreadySubscribedSms, codeValidityMinutes, confirmationMail, confirmationSms } from './confirmation-text.ts';

/** A confirmation (or an "already subscribed" notice) goes to an address at most once per this many minutes. */
export const resendMinutes = 10;
/** Wrong codes accepted before an SMS code is void. */
export const maxCodeAttempts = 5;

/**
 * The capability in every link a subscriber receives: the workspace id, a dot, 32 random bytes.
 * The prefix lets a link find its row through the (workspace_id, manage_token) unique index.
 */
export function newManageToken(workspaceId: string): string {
  return `${workspaceId}.${newSecret()}`;
}

const tokenShape = /^([a-z0-9]{12})\.[A-Za-z0-9_-]{43}$/;

export interface TokenHolder {
  subscriber: Row<'subscribers'>;
  page: { name: string; language: 'fr' | 'en'; url: string | null; slug: string; workspaceSlug: string };
}

/** The subscriber a link's token names (locked for the caller's transaction), or undefined for any other string. */
export async function findByToken(tx: Tx, token: string): Promise<TokenHolder | undefined> {
  const workspaceId = tokenShape.exec(token)?.[1];
  if (!workspaceId) return undefined;
  const subscriber = await tx.selectFrom('subscribers').selectAll().where('workspace_id', '=', workspaceId).where('manage_token', '=', token).forUpdate().executeTakeFirst();
  if (!subscriber) return undefined;
  const page = await tx
    .selectFrom('status_pages')
    .innerJoin('workspaces', 'workspaces.id', 'status_pages.workspace_id')
    .select(['status_pages.name', 'status_pages.language', 'status_pages.url', 'status_pages.slug', 'workspaces.slug as workspace_slug'])
    .where('status_pages.workspace_id', '=', workspaceId)
    .where('status_pages.id', '=', subscriber.page_id)
    .executeTakeFirstOrThrow();
  return { subscriber, page: { name: page.name, language: page.language, url: page.url, slug: page.slug, workspaceSlug: page.workspace_slug } };
}

export async function fetchSubscriber(tx: Tx, ctx: Ctx, id: string): Promise<Row<'subscribers'>> {
  const row = await tx.selectFrom('subscribers').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new NotFoundError('subscriber', id);
  return row;
}

export async function fetchPage(db: Db, ctx: Ctx, pageId: string): Promise<Row<'status_pages'>> {
  const row = await db.selectFrom('status_pages').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', pageId).executeTakeFirst();
  if (!row) throw new NotFoundError('status-page', pageId);
  return row;
}

/** The components each subscriber follows (none listed for one that follows all). */
export async function componentIdsOf(db: Db, workspaceId: string, subscriberIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (subscriberIds.length === 0) return map;
  const rows = await db
    .selectFrom('subscriber_components')
    .innerJoin('components', (join) => join.onRef('components.workspace_id', '=', 'subscriber_components.workspace_id').onRef('components.id', '=', 'subscriber_components.component_id'))
    .select(['subscriber_components.subscriber_id', 'subscriber_components.component_id'])
    .where('subscriber_components.workspace_id', '=', workspaceId)
    .where('subscriber_components.subscriber_id', 'in', subscriberIds)
    .orderBy('components.position')
    .orderBy('components.id')
    .execute();
  for (const row of rows) map.set(row.subscriber_id, [...(map.get(row.subscriber_id) ?? []), row.component_id]);
  return map;
}

/** Refuses component ids that are not the workspace's, each at `${pointer}/${index}`. */
export async function assertComponentsExist(db: Db, workspaceId: string, ids: readonly string[], pointer: string): Promise<void> {
  if (ids.length === 0) return;
  const known = new Set((await db.selectFrom('components').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', [...ids]).execute()).map((row) => row.id));
  const issues = ids.flatMap((id, index) => (known.has(id) ? [] : [{ pointer: `${pointer}/${index}`, detail: `no component has the id "${id}"` }]));
  if (issues.length > 0) throw new InvalidError(`Unknown component(s): ${issues.map((issue) => issue.detail).join('; ')}.`, issues, 'component-unknown');
}

/** Replaces what a subscriber follows: every component, or exactly `ids`. */
export async function setComponents(tx: Tx, workspaceId: string, subscriberId: string, ids: readonly string[]): Promise<void> {
  await tx.deleteFrom('subscriber_components').where('workspace_id', '=', workspaceId).where('subscriber_id', '=', subscriberId).execute();
  if (ids.length > 0) {
    await tx
      .insertInto('subscriber_components')
      .values([...new Set(ids)].map((component_id) => ({ workspace_id: workspaceId, subscriber_id: subscriberId, component_id })))
      .execute();
  }
}

/** What the admin API shows of a subscriber: never the manage token nor the webhook secret. */
export function presentSubscriber(row: Row<'subscribers'>, componentIds: string[]) {
  return {
    id: row.id,
    page_id: row.page_id,
    channel: row.channel,
    address: row.address,
    language: row.language,
    all_components: row.all_components,
    component_ids: row.all_components ? [] : componentIds,
    state: row.state,
    source: row.source,
    disabled_at: row.disabled_at?.toISOString() ?? null,
    disabled_reason: row.disabled_reason,
    created_at: row.created_at.toISOString(),
    confirmed_at: row.confirmed_at?.toISOString() ?? null,
    unsubscribed_at: row.unsubscribed_at?.toISOString() ?? null,
    updated_at: row.updated_at.toISOString(),
    version: row.version,
  };
}

/**
 * A subscriber as the audit log keeps it: no address. The log cannot be edited, and an erasure
 * (GDPR art. 17) must leave no copy of the address behind.
 */
export function auditView(row: Row<'subscribers'>, componentIds: string[]) {
  const { address: _address, ...rest } = presentSubscriber(row, componentIds);
  return rest;
}

/** A unique index refused the row: a concurrent writer won the race the pre-check could not see. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}

export type ConfirmationSent = 'confirmation' | 'already-subscribed' | 'suppressed' | 'recently-sent';

/**
 * Sends what a subscribe request earns: a confirmation (e-mail link, SMS code) to a pending
 * subscriber, an "already subscribed" notice with the preferences link to an active one; nothing to a
 * suppressed address, nor twice within `resendMinutes`. The subscriber row is locked by the caller,
 * so concurrent requests see each other's delivery; the dedupe key holds the time bucket as well.
 */
export async function sendConfirmation(tx: Tx, ctx: Ctx, subscriber: Row<'subscribers'>, pageName: string, publicUrl: string): Promise<ConfirmationSent> {
  // Webhooks are added and confirmed by an administrator: a form never reaches them.
  if (subscriber.channel === 'webhook') return 'suppressed';
  const suppressed = await tx
    .selectFrom('suppressions')
    .select('reason')
    .where('workspace_id', '=', ctx.workspaceId)
    .where('channel', '=', subscriber.channel)
    .where('address', '=', subscriber.address)
    .executeTakeFirst();
  if (suppressed) return 'suppressed';
  const now = ctx.now();
  const recent = await tx
    .selectFrom('deliveries')
    .select('id')
    .where('workspace_id', '=', ctx.workspaceId)
    .where('subscriber_id', '=', subscriber.id)
    .where('kind', 'in', ['confirmation', 'notice'])
    .where('created_at', '>', new Date(now.getTime() - resendMinutes * 60_000))
    .executeTakeFirst();
  if (recent) return 'recently-sent';
  const bucket = Math.floor(now.getTime() / (resendMinutes * 60_000));
  const links = subscriberLinks(publicUrl, subscriber.manage_token);
  const base = { channel: subscriber.channel, address: subscriber.address, language: subscriber.language, subscriberId: subscriber.id };
  if (subscriber.state === 'active') {
    const payload = subscriber.channel === 'email' ? alreadySubscribedMail(subscriber.language, pageName, links.preferences) : alreadySubscribedSms(subscriber.language, pageName, links.preferences);
    return (await enqueueDelivery(tx, ctx, { ...base, kind: 'notice', dedupeKey: `subscribed:${subscriber.id}:${bucket}`, payload })) ? 'already-subscribed' : 'recently-sent';
  }
  if (subscriber.channel === 'email') {
    const payload = confirmationMail(subscriber.language, pageName, links.confirm);
    return (await enqueueDelivery(tx, ctx, { ...base, kind: 'confirmation', dedupeKey: `confirm:${subscriber.id}:${bucket}`, payload })) ? 'confirmation' : 'recently-sent';
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const queued = await enqueueDelivery(tx, ctx, { ...base, kind: 'confirmation', dedupeKey: `confirm:${subscriber.id}:${bucket}`, payload: confirmationSms(subscriber.language, pageName, code) });
  if (!queued) return 'recently-sent';
  // Only a code that went out replaces the previous one: the code in the reader's hands stays valid.
  await tx
    .updateTable('subscribers')
    .set({ confirm_code_hash: sha256(code), confirm_expires_at: new Date(now.getTime() + codeValidityMinutes * 60_000), confirm_attempts: 0, updated_at: now })
    .where('workspace_id', '=', ctx.workspaceId)
    .where('id', '=', subscriber.id)
    .execute();
  return 'confirmation';
}
