import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../adapters/db/connect.ts';
import type { Language, Row } from '../../adapters/db/schema.ts';
import type { DeliveryChannel } from '../../domain/delivery/channels.ts';
import type { Ctx } from '../context.ts';
import { controllerDeliveryKey, controllersAudience } from '../../domain/clocks/breach-register.ts';
import { affectedControllers } from '../regulatory/data-controllers.ts';

export interface FanOutInput {
  message: Row<'messages'>;
  variants: Row<'message_variants'>[];
  /** The audience of the status page, whose subscribers these are. */
  statusPageAudience: string;
  defaultLanguage: Language;
}

/** Recipients per channel: what one publish put in the delivery queue. */
export type FanOutCounts = Partial<Record<DeliveryChannel, number>>;

interface Candidate {
  id: string;
  language: Language;
}

/**
 * Creates one delivery per (message, channel, recipient) in the publish transaction, so the message
 * goes out to everyone or, on a rollback, to no one. Each recipient gets the variant in their own
 * language, else the workspace's, else any. A subscriber hears about an incident on a component
 * they follow, or on any when they follow all (or the incident names none). An address on two
 * pages, or suppressed after a bounce, gets it once or not at all. Social variants wait for a
 * person to post them.
 */
export async function fanOutMessage(tx: Tx, ctx: Ctx, input: FanOutInput): Promise<FanOutCounts> {
  const { message, variants, statusPageAudience } = input;
  const counts: FanOutCounts = {};
  const ofAudience = (channel: string) => variants.filter((v) => v.channel === channel && v.audience === statusPageAudience);

  if (message.notify_subscribers) {
    // Subscribers without an e-mail variant still hear what the status page says.
    const email = ofAudience('email').length > 0 ? ofAudience('email') : ofAudience('status_page');
    counts.email = await toSubscribers(tx, ctx, input, 'email', email);
    counts.sms = await toSubscribers(tx, ctx, input, 'sms', ofAudience('sms'));
    counts.webhook = await toSubscribers(tx, ctx, input, 'webhook', ofAudience('status_page'));
  }
  for (const purpose of ['chat', 'support_script'] as const) {
    counts[purpose] = await toEndpoints(tx, ctx, input, purpose, variants.filter((v) => v.channel === purpose));
  }
  const toThem = await toControllers(tx, ctx, input, variants.filter((v) => v.channel === 'email' && v.audience === controllersAudience));
  if (toThem > 0) counts.email = (counts.email ?? 0) + toThem;
  return Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));
}

async function toSubscribers(tx: Tx, ctx: Ctx, input: FanOutInput, channel: 'email' | 'sms' | 'webhook', candidates: Candidate[]): Promise<number> {
  if (candidates.length === 0) return 0;
  const { message, defaultLanguage } = input;
  const now = ctx.now();
  const { rows } = await sql<{ count: number }>`
    with created as (
      insert into deliveries (workspace_id, dedupe_key, kind, message_id, variant_id, channel, subscriber_id, address, language, next_attempt_at, created_at, updated_at)
      select s.workspace_id, ${`m:${message.id}:${channel}:`} || s.address, 'message', ${message.id}, v.id, ${channel}, s.id, s.address, s.language, ${now}, ${now}, ${now}
      from subscribers s
      cross join lateral (
        select c.id from unnest(${candidates.map((c) => c.id)}::text[], ${candidates.map((c) => c.language)}::text[]) as c(id, language)
        order by c.language = s.language desc, c.language = ${defaultLanguage} desc, c.id
        limit 1
      ) v
      where ${following(ctx, channel, message.incident_id)}
      on conflict (workspace_id, dedupe_key) do nothing
      returning 1
    )
    select count(*)::int as count from created`.execute(tx);
  return rows[0]?.count ?? 0;
}

/**
 * Creates one delivery per subscriber and channel for an incident update posted without a message
 * (the API or CLI, with `deliver_notifications`), in the update's transaction. The worker writes it
 * from the update in each subscriber's language. Chat rooms and support desks follow messages only.
 */
export async function fanOutUpdate(tx: Tx, ctx: Ctx, { updateId, incidentId }: { updateId: string; incidentId: string }): Promise<FanOutCounts> {
  const now = ctx.now();
  const { rows } = await sql<{ channel: DeliveryChannel; count: number }>`
    with created as (
      insert into deliveries (workspace_id, dedupe_key, kind, update_id, channel, subscriber_id, address, language, next_attempt_at, created_at, updated_at)
      select s.workspace_id, 'u:' || ${updateId}::text || ':' || s.channel || ':' || s.address, 'update', ${updateId}, s.channel, s.id, s.address, s.language, ${now}, ${now}, ${now}
      from subscribers s
      where ${following(ctx, sql`s.channel`, incidentId)}
      on conflict (workspace_id, dedupe_key) do nothing
      returning channel
    )
    select channel, count(*)::int as count from created group by channel order by channel`.execute(tx);
  return Object.fromEntries(rows.map((row) => [row.channel, row.count]));
}

/**
 * The subscribers (`s`) of a channel who hear about an incident: active, not suppressed, and
 * following one of its components, or all of them, or any when the incident names none.
 */
function following(ctx: Ctx, channel: string | RawBuilder<unknown>, incidentId: string): RawBuilder<unknown> {
  return subscribersFollowing({ workspaceId: ctx.workspaceId, channel, covers: { incidentId } });
}

/** What subscribers follow: the components of an incident or of a maintenance, by id or by a column of the query. */
export type Coverage = { incidentId: string | RawBuilder<unknown> } | { maintenanceId: string | RawBuilder<unknown> };

/**
 * The subscribers (`s`) of a channel who hear about an incident or a maintenance: active, not
 * suppressed, and following one of its components, or all of them, or any when it names none.
 * Values or column references, so a sweep can match many maintenances of many workspaces at once.
 */
export function subscribersFollowing({ workspaceId, channel, covers }: { workspaceId: string | RawBuilder<unknown>; channel: string | RawBuilder<unknown>; covers: Coverage }): RawBuilder<unknown> {
  const [table, column, id] = 'incidentId' in covers ? [sql.table('incident_components'), sql.ref('ic.incident_id'), covers.incidentId] : [sql.table('maintenance_components'), sql.ref('ic.maintenance_id'), covers.maintenanceId];
  return sql`s.workspace_id = ${workspaceId} and s.channel = ${channel} and s.state = 'active' and s.disabled_at is null
        and not exists (select 1 from suppressions x where x.workspace_id = s.workspace_id and x.channel = s.channel and x.address = s.address)
        and (
          s.all_components
          or not exists (select 1 from ${table} ic where ic.workspace_id = s.workspace_id and ${column} = ${id})
          or exists (
            select 1 from subscriber_components sc
            join ${table} ic on ic.workspace_id = sc.workspace_id and ic.component_id = sc.component_id
            where sc.workspace_id = s.workspace_id and sc.subscriber_id = s.id and ${column} = ${id}
          )
        )`;
}

async function toEndpoints(tx: Tx, ctx: Ctx, input: FanOutInput, purpose: 'chat' | 'support_script', variants: Row<'message_variants'>[]): Promise<number> {
  if (variants.length === 0) return 0;
  const { message, defaultLanguage } = input;
  const now = ctx.now();
  const { rows } = await sql<{ count: number }>`
    with created as (
      insert into deliveries (workspace_id, dedupe_key, kind, message_id, variant_id, channel, endpoint_id, address, language, next_attempt_at, created_at, updated_at)
      select e.workspace_id, ${`m:${message.id}:${purpose}:`} || e.id, 'message', ${message.id}, v.id, ${purpose}, e.id, e.target, v.language, ${now}, ${now}, ${now}
      from channel_endpoints e
      cross join lateral (
        select c.id, c.language from unnest(${variants.map((v) => v.id)}::text[], ${variants.map((v) => v.language)}::text[], ${variants.map((v) => v.audience)}::text[]) as c(id, language, audience)
        where c.audience = e.audience
        order by c.language = coalesce(e.language, ${defaultLanguage}) desc, c.id
        limit 1
      ) v
      where e.workspace_id = ${ctx.workspaceId} and e.purpose = ${purpose} and e.enabled and e.disabled_at is null
      on conflict (workspace_id, dedupe_key) do nothing
      returning 1
    )
    select count(*)::int as count from created`.execute(tx);
  return rows[0]?.count ?? 0;
}

/** Controllers queued per statement: 13 parameters a row stay far below PostgreSQL's 65,535. */
const controllersPerInsert = 1_000;

/**
 * A processor's breach notice (GDPR Art. 33(2)): the `controllers` e-mail variants go to every
 * active data controller the incident concerns, each in their language, else the workspace's, else
 * any, once per message and controller. A controller is neither a subscriber nor an endpoint: the
 * text travels as the delivery's own content (a notice), which the workers send as it is.
 */
async function toControllers(tx: Tx, ctx: Ctx, input: FanOutInput, variants: Row<'message_variants'>[]): Promise<number> {
  if (variants.length === 0) return 0;
  const { message, defaultLanguage } = input;
  const controllers = await affectedControllers(tx, ctx, message.incident_id);
  const pick = (language: Language) => variants.find((v) => v.language === language) ?? variants.find((v) => v.language === defaultLanguage) ?? variants[0]!;
  const now = ctx.now();
  let queued = 0;
  for (let start = 0; start < controllers.length; start += controllersPerInsert) {
    const rows = controllers.slice(start, start + controllersPerInsert).map((controller) => {
      const variant = pick(controller.language);
      return {
        workspace_id: ctx.workspaceId, dedupe_key: controllerDeliveryKey(message.id, controller.id), kind: 'notice' as const, message_id: message.id, variant_id: variant.id,
        channel: 'email' as const, address: controller.email, language: variant.language, payload: JSON.stringify({ subject: variant.subject ?? message.id, text: variant.body, markdown: true }),
        next_attempt_at: now, created_at: now, updated_at: now,
      };
    });
    const inserted = await tx.insertInto('deliveries').values(rows).onConflict((oc) => oc.columns(['workspace_id', 'dedupe_key']).doNothing()).returning('id').execute();
    queued += inserted.length;
  }
  return queued;
}
