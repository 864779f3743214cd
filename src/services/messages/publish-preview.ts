import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/connect.ts';
import type { Language, Row } from '../../adapters/db/schema.ts';
import { controllersAudience } from '../../domain/clocks/breach-register.ts';
import type { DeliveryChannel } from '../../domain/delivery/channels.ts';
import { authorize, withTransaction, type Ctx } from '../context.ts';
import { subscribersFollowing } from '../delivery/fan-out.ts';
import { affectedControllers } from '../regulatory/data-controllers.ts';
import { assertNotPublished, fetchMessage, fetchVariants, loadCommsSettings } from './internal.ts';

/** Who one channel would reach: how many, in which language they would read it, and for team channels which ones. */
export interface ChannelReach {
  channel: DeliveryChannel;
  /** Whose variants it carries: the status page's audience for subscribers, the endpoint's for team channels. */
  audience: string;
  recipients: number;
  languages: Partial<Record<Language, number>>;
  /** The team's rooms and desks, by name (their URLs are credentials). */
  endpoints?: { name: string; kind: string; language: Language }[];
}

export interface PublishPreview {
  message_id: string;
  notify_subscribers: boolean;
  /** The status page update the publish would post, or null when the message has no status-page variant for its audience. */
  status_page: { audience: string; languages: Language[] } | null;
  /** One row per channel the message has variants for, recipients 0 included: a channel that reaches nobody is worth knowing. */
  channels: ChannelReach[];
  /** Every delivery the publish would queue. */
  total: number;
  /** Social variants wait for a person to post them after the publish. */
  social_variants: number;
  next_update_at: string | null;
}

type Variant = Row<'message_variants'>;

/**
 * Counts, per channel, who would receive the message if it were published now, by the rules the
 * publish applies (`fanOutMessage`): the page's subscribers following the incident's components,
 * once per address, suppressed addresses left out; the team's enabled channels of the variants'
 * audiences; the data controllers concerned by a breach notice. Nothing is written.
 */
export async function publishPreview({ ctx, messageId }: { ctx: Ctx; messageId: string }): Promise<PublishPreview> {
  authorize(ctx, 'message.publish');
  return withTransaction(ctx, async (tx) => {
    const message = await fetchMessage(tx, ctx, messageId);
    assertNotPublished(message);
    const [variants, settings, workspace] = await Promise.all([
      fetchVariants(tx, ctx, [messageId]),
      loadCommsSettings(tx, ctx.workspaceId),
      tx.selectFrom('workspaces').select('default_language').where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow(),
    ]);
    const audience = settings.status_page_audience;
    const defaultLanguage = workspace.default_language;
    const of = (channel: string, who = audience) => variants.filter((v) => v.channel === channel && v.audience === who);
    const channels: ChannelReach[] = [];

    if (message.notify_subscribers) {
      // As the publish does: e-mail subscribers without an e-mail variant read the status-page text.
      const email = of('email').length > 0 ? of('email') : of('status_page');
      for (const [channel, candidates] of [['email', email], ['sms', of('sms')], ['webhook', of('status_page')]] as const) {
        if (candidates.length > 0) channels.push(await toSubscribers(tx, ctx, message, channel, candidates, defaultLanguage));
      }
    }
    for (const purpose of ['chat', 'support_script'] as const) {
      const candidates = variants.filter((v) => v.channel === purpose);
      if (candidates.length > 0) channels.push(...(await toEndpoints(tx, ctx, purpose, candidates, defaultLanguage)));
    }
    const notices = of('email', controllersAudience);
    if (notices.length > 0) channels.push(await toControllers(tx, ctx, message, notices, defaultLanguage));

    const onPage = of('status_page');
    return {
      message_id: message.id,
      notify_subscribers: message.notify_subscribers,
      status_page: onPage.length > 0 ? { audience, languages: [...new Set(onPage.map((v) => v.language))].sort() } : null,
      channels,
      total: channels.reduce((sum, reach) => sum + reach.recipients, 0),
      social_variants: variants.filter((v) => v.channel === 'social').length,
      next_update_at: message.next_update_at?.toISOString() ?? null,
    };
  });
}

/** The variant a reader gets, as the publish picks it: their language, else the workspace's, else the first. */
function pick(candidates: Variant[], language: Language, defaultLanguage: Language): Variant {
  const rank = (v: Variant) => (v.language === language ? 0 : v.language === defaultLanguage ? 1 : 2);
  return [...candidates].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0]!;
}

async function toSubscribers(tx: Tx, ctx: Ctx, message: Row<'messages'>, channel: 'email' | 'sms' | 'webhook', candidates: Variant[], defaultLanguage: Language): Promise<ChannelReach> {
  // One delivery per address and channel, whatever the number of pages the address follows.
  const { rows } = await sql<{ language: Language; count: number }>`
    select language, count(*)::int as count from (
      select distinct on (s.address) s.address, s.language from subscribers s
      where ${subscribersFollowing({ workspaceId: ctx.workspaceId, channel, covers: { incidentId: message.incident_id } })}
      order by s.address, s.id
    ) reached
    group by language`.execute(tx);
  const languages: Partial<Record<Language, number>> = {};
  for (const row of rows) {
    const language = pick(candidates, row.language, defaultLanguage).language;
    languages[language] = (languages[language] ?? 0) + Number(row.count);
  }
  return { channel, audience: candidates[0]!.audience, recipients: rows.reduce((sum, row) => sum + Number(row.count), 0), languages };
}

async function toEndpoints(tx: Tx, ctx: Ctx, purpose: 'chat' | 'support_script', candidates: Variant[], defaultLanguage: Language): Promise<ChannelReach[]> {
  const endpoints = await tx
    .selectFrom('channel_endpoints')
    .select(['name', 'kind', 'audience', 'language'])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('purpose', '=', purpose)
    .where('enabled', '=', true)
    .where('disabled_at', 'is', null)
    .orderBy('name')
    .execute();
  const byAudience = new Map<string, ChannelReach>();
  for (const audience of [...new Set(candidates.map((v) => v.audience))].sort()) {
    byAudience.set(audience, { channel: purpose, audience, recipients: 0, languages: {}, endpoints: [] });
  }
  for (const endpoint of endpoints) {
    const reach = byAudience.get(endpoint.audience);
    if (!reach) continue;
    const { language } = pick(candidates.filter((v) => v.audience === endpoint.audience), endpoint.language ?? defaultLanguage, endpoint.language ?? defaultLanguage);
    reach.recipients += 1;
    reach.languages[language] = (reach.languages[language] ?? 0) + 1;
    reach.endpoints!.push({ name: endpoint.name, kind: endpoint.kind, language });
  }
  return [...byAudience.values()];
}

async function toControllers(tx: Tx, ctx: Ctx, message: Row<'messages'>, candidates: Variant[], defaultLanguage: Language): Promise<ChannelReach> {
  const controllers = await affectedControllers(tx, ctx, message.incident_id);
  const languages: Partial<Record<Language, number>> = {};
  for (const controller of controllers) {
    const { language } = candidates.find((v) => v.language === controller.language) ?? candidates.find((v) => v.language === defaultLanguage) ?? candidates[0]!;
    languages[language] = (languages[language] ?? 0) + 1;
  }
  return { channel: 'email', audience: controllersAudience, recipients: controllers.length, languages };
}
