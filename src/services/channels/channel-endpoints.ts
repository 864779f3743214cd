import { z } from 'zod';
import type { Row } from '../../adapters/db/schema.ts';
import { chatKinds, validateChatUrl, type ChatKind } from '../../adapters/chat/chat.ts';
import { httpUrlOf, isLoopbackHost } from '../../adapters/http/post-json.ts';
import { newWebhookSecret } from '../../adapters/webhook/webhook.ts';
import { ConflictError, InvalidError, NotFoundError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Language, Name, parseInput } from '../schemas.ts';

const kinds = [...chatKinds, 'email', 'webhook', 'mastodon'] as const;
type Kind = (typeof kinds)[number];

/**
 * Which kinds can carry which variants: chat rooms the chat variant, the support desk its script,
 * Mastodon the social one; `alerts` is the crisis cell's own room, where reminders and escalations go.
 */
const purposesOf: Record<Kind, readonly string[]> = {
  slack: ['chat', 'support_script', 'alerts'],
  teams: ['chat', 'support_script', 'alerts'],
  discord: ['chat', 'support_script', 'alerts'],
  google_chat: ['chat', 'support_script', 'alerts'],
  mattermost: ['chat', 'support_script', 'alerts'],
  email: ['chat', 'support_script', 'alerts'],
  webhook: ['chat', 'support_script', 'alerts'],
  mastodon: ['social'],
};

const Fields = {
  name: Name,
  kind: z.enum(kinds),
  purpose: z.enum(['chat', 'support_script', 'social', 'alerts']),
  /** The audience whose variants this endpoint receives (employees in the crisis room, support agents…). */
  audience: z.string().trim().min(1).max(64),
  /** null: the workspace's language. */
  language: Language.nullable().default(null),
  /** The incoming-webhook URL, the e-mail address, or the Mastodon instance URL. */
  target: z.string().trim().min(3).max(2_000),
  /** A Mastodon access token; a webhook's signing secret is generated. */
  access_token: z.string().trim().min(10).max(500).optional(),
  enabled: z.boolean().default(true),
};
export const CreateEndpointInput = z.strictObject(Fields);
export type CreateEndpointInput = z.input<typeof CreateEndpointInput>;
export const UpdateEndpointInput = z.strictObject({ name: Fields.name, audience: Fields.audience, language: Language.nullable(), target: Fields.target, access_token: Fields.access_token, enabled: z.boolean() }).partial();
export type UpdateEndpointInput = z.input<typeof UpdateEndpointInput>;

/** An endpoint as the API shows it: never its secret or token, with why it was switched off if it was. */
export function presentEndpoint(row: Row<'channel_endpoints'>) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    purpose: row.purpose,
    audience: row.audience,
    language: row.language,
    target: row.kind === 'email' ? row.target : redactUrl(row.target),
    has_secret: row.secret !== null,
    enabled: row.enabled,
    consecutive_failures: row.consecutive_failures,
    disabled_at: row.disabled_at?.toISOString() ?? null,
    disabled_reason: row.disabled_reason,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** The team's channels: chat rooms, the support desk, a Mastodon account, the crisis cell's alert room. */
export async function listEndpoints({ ctx }: { ctx: Ctx }) {
  authorize(ctx, 'channels.manage');
  const rows = await (ctx.tx ?? ctx.db.db).selectFrom('channel_endpoints').selectAll().where('workspace_id', '=', ctx.workspaceId).orderBy('name').execute();
  return rows.map(presentEndpoint);
}

/** Adds an endpoint; a webhook's signing secret is returned this once. */
export async function createEndpoint({ ctx, input }: { ctx: Ctx; input: CreateEndpointInput }) {
  authorize(ctx, 'channels.manage');
  const data = parseInput(CreateEndpointInput, input);
  const warnings = checkEndpoint(data.kind, data.purpose, data.target, data.access_token);
  const secret = data.kind === 'webhook' ? newWebhookSecret() : (data.access_token ?? null);
  return withTransaction(ctx, async (tx) => {
    const now = ctx.now();
    await assertNameFree(tx, ctx, data.name);
    const row = await tx
      .insertInto('channel_endpoints')
      .values({ workspace_id: ctx.workspaceId, id: newId(), name: data.name, kind: data.kind, purpose: data.purpose, audience: data.audience, language: data.language, target: data.target, secret, enabled: data.enabled, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    const endpoint = presentEndpoint(row);
    await recordAudit(tx, ctx, { action: 'channel_endpoint.create', entityType: 'channel_endpoint', entityId: row.id, after: endpoint });
    return { ...endpoint, warnings, ...(data.kind === 'webhook' ? { signing_secret: secret! } : {}) };
  });
}

/** Edits an endpoint; turning it on again clears the failures that switched it off. */
export async function updateEndpoint({ ctx, id, input, expectedVersion }: { ctx: Ctx; id: string; input: UpdateEndpointInput; expectedVersion?: number }) {
  authorize(ctx, 'channels.manage');
  const data = parseInput(UpdateEndpointInput, input);
  return withTransaction(ctx, async (tx) => {
    const before = await fetchEndpoint(tx, ctx, id);
    checkVersion('channel endpoint', before.version, expectedVersion);
    const warnings = checkEndpoint(before.kind, before.purpose, data.target ?? before.target, data.access_token ?? before.secret ?? undefined);
    if (data.name !== undefined && data.name !== before.name) await assertNameFree(tx, ctx, data.name);
    const now = ctx.now();
    const reenabled = data.enabled === true && (before.disabled_at !== null || !before.enabled);
    const row = await tx
      .updateTable('channel_endpoints')
      .set({
        ...(data.name !== undefined ? { name: data.name } : {}),
        ...(data.audience !== undefined ? { audience: data.audience } : {}),
        ...(data.language !== undefined ? { language: data.language } : {}),
        ...(data.target !== undefined ? { target: data.target } : {}),
        ...(data.access_token !== undefined && before.kind === 'mastodon' ? { secret: data.access_token } : {}),
        ...(data.enabled !== undefined ? { enabled: data.enabled } : {}),
        ...(reenabled ? { disabled_at: null, disabled_reason: null, consecutive_failures: 0 } : {}),
        updated_at: now,
        version: before.version + 1,
      })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const endpoint = presentEndpoint(row);
    await recordAudit(tx, ctx, { action: 'channel_endpoint.update', entityType: 'channel_endpoint', entityId: id, before: presentEndpoint(before), after: endpoint });
    return { ...endpoint, warnings };
  });
}

export async function deleteEndpoint({ ctx, id, expectedVersion }: { ctx: Ctx; id: string; expectedVersion?: number }) {
  authorize(ctx, 'channels.manage');
  await withTransaction(ctx, async (tx) => {
    const before = await fetchEndpoint(tx, ctx, id);
    checkVersion('channel endpoint', before.version, expectedVersion);
    await tx.deleteFrom('channel_endpoints').where('workspace_id', '=', ctx.workspaceId).where('id', '=', id).execute();
    await recordAudit(tx, ctx, { action: 'channel_endpoint.delete', entityType: 'channel_endpoint', entityId: id, before: presentEndpoint(before) });
  });
}

async function fetchEndpoint(tx: NonNullable<Ctx['tx']>, ctx: Ctx, id: string) {
  const row = await tx.selectFrom('channel_endpoints').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new NotFoundError('channel-endpoint', id);
  return row;
}

async function assertNameFree(tx: NonNullable<Ctx['tx']>, ctx: Ctx, name: string) {
  const taken = await tx.selectFrom('channel_endpoints').select('id').where('workspace_id', '=', ctx.workspaceId).where('name', '=', name).executeTakeFirst();
  if (taken) throw new ConflictError('channel-endpoint-name-taken', `The workspace already has a channel named "${name}".`);
}

/** Refuses what cannot work; returns what may be a mistake (a Slack URL on an unexpected host). */
function checkEndpoint(kind: Kind, purpose: string, target: string, accessToken: string | undefined): string[] {
  const fail = (pointer: string, detail: string): never => {
    throw new InvalidError(`The channel cannot be saved: ${pointer}: ${detail}`, [{ pointer, detail }]);
  };
  if (!purposesOf[kind].includes(purpose)) fail('/purpose', `a ${kind} endpoint carries ${purposesOf[kind].join(' or ')} variants, not ${purpose}`);
  if (kind === 'email') {
    if (!/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(target)) fail('/target', 'an e-mail address such as support-team@example.com');
    return [];
  }
  if ((chatKinds as readonly string[]).includes(kind)) {
    const check = validateChatUrl(kind as ChatKind, target);
    if (!check.ok) fail('/target', check.errors.join(' '));
    return check.warnings;
  }
  const url = httpUrlOf(target);
  if (typeof url === 'string') return fail('/target', url);
  if (url.protocol !== 'https:' && !isLoopbackHost(url.hostname)) fail('/target', 'an https URL');
  if (kind === 'mastodon' && !accessToken) fail('/access_token', 'a Mastodon access token with the write:statuses scope');
  return [];
}

/** A webhook URL is a credential (Slack, Discord): shown as its origin and the start of its path. */
function redactUrl(target: string): string {
  if (!URL.canParse(target)) return target;
  const url = new URL(target);
  return `${url.origin}${url.pathname.slice(0, 12)}${url.pathname.length > 12 || url.search ? '…' : ''}`;
}
