import type { DatabaseHandle } from '../../adapters/db/connect.ts';
import type { EndpointKind, Language, Row } from '../../adapters/db/schema.ts';
import type { Impact, IncidentStatus } from '../../domain/incident/lifecycle.ts';
import type { MaintenanceStatus } from '../../domain/maintenance/lifecycle.ts';
import { parseNoticeKey } from '../../domain/maintenance/notices.ts';
import { textFor } from '../../status-page/i18n.ts';
import type { ClaimedDelivery } from './claim.ts';

export interface VariantContent {
  id: string;
  channel: string;
  audience: string;
  language: Language;
  subject: string | null;
  body: string;
  network: string | null;
  incidentId: string;
  /** The incident update the message became on the status page, if any. */
  incidentUpdateId: string | null;
  publishedAt: Date | null;
}

export interface IncidentContent {
  id: string;
  name: string;
  status: IncidentStatus;
  impact: Impact;
  components: string[];
  nextUpdateAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface MaintenanceContent {
  id: string;
  name: string;
  status: MaintenanceStatus;
  scheduledFor: Date;
  scheduledUntil: Date;
  /** The nearest notice queued so far, and the start it announced. */
  noticeFor: Date | null;
  noticeHours: number | null;
  /** Component names, in page order. */
  components: string[];
  latestUpdate: { id: string; status: MaintenanceStatus; body: string; displayAt: Date } | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What a maintenance notice's key names: which maintenance, for which start, at which offset. */
export interface NoticeContent {
  maintenanceId: string;
  scheduledFor: Date;
  hours: number;
}

export interface SubscriberContent {
  active: boolean;
  manageToken: string;
  pageId: string;
  webhookSecret: string | null;
}

export interface EndpointContent {
  active: boolean;
  kind: EndpointKind;
  name: string;
  target: string;
  secret: string | null;
}

export interface PageContent {
  id: string;
  name: string;
  /** Absolute, without a trailing slash. */
  url: string;
  timeZone: string;
}

/** Everything a batch of deliveries is written from, read in a few queries per batch. */
export interface DeliveryContext {
  variants: Map<string, VariantContent>;
  incidents: Map<string, IncidentContent>;
  subscribers: Map<string, SubscriberContent>;
  endpoints: Map<string, EndpointContent>;
  /** By `workspaceId:pageId`. */
  pages: Map<string, PageContent>;
  /** The workspace's own time zone, by workspace id, for endpoint messages. */
  timeZones: Map<string, string>;
  /** `workspaceId:channel:address` of the batch's addresses suppressed since they were queued. */
  suppressed: Set<string>;
  /** Maintenance notices by `workspaceId:deliveryId`. */
  notices: Map<string, NoticeContent>;
  maintenances: Map<string, MaintenanceContent>;
}

const key = (workspaceId: string, id: string) => `${workspaceId}:${id}`;

/**
 * Reads what a batch is written from. A published variant never changes, so the worker keeps the
 * ones it has read in `variantCache`; recipients, endpoints and pages are read for every batch
 * (someone may have unsubscribed a second ago).
 */
export async function loadDeliveryContext(db: DatabaseHandle, deliveries: ClaimedDelivery[], { fallbackUrl, variantCache }: { fallbackUrl: string; variantCache: Map<string, VariantContent> }): Promise<DeliveryContext> {
  const context: DeliveryContext = { variants: new Map(), incidents: new Map(), subscribers: new Map(), endpoints: new Map(), pages: new Map(), timeZones: new Map(), suppressed: new Set(), notices: new Map(), maintenances: new Map() };
  for (const workspaceId of new Set(deliveries.map((d) => d.workspaceId))) {
    const batch = deliveries.filter((d) => d.workspaceId === workspaceId);
    const variantIds = unique(batch.map((d) => d.variantId)).filter((id) => !variantCache.has(key(workspaceId, id)));
    if (variantIds.length > 0) {
      const rows = await db.db
        .selectFrom('message_variants as v')
        .innerJoin('messages as m', (join) => join.onRef('m.workspace_id', '=', 'v.workspace_id').onRef('m.id', '=', 'v.message_id'))
        .select(['v.id', 'v.channel', 'v.audience', 'v.language', 'v.subject', 'v.body', 'v.network', 'm.incident_id', 'm.incident_update_id', 'm.published_at'])
        .where('v.workspace_id', '=', workspaceId)
        .where('v.id', 'in', variantIds)
        .execute();
      if (variantCache.size > 5_000) variantCache.clear();
      for (const row of rows) {
        variantCache.set(key(workspaceId, row.id), {
          id: row.id, channel: row.channel, audience: row.audience, language: row.language, subject: row.subject, body: row.body, network: row.network,
          incidentId: row.incident_id, incidentUpdateId: row.incident_update_id, publishedAt: row.published_at,
        });
      }
    }
    for (const id of unique(batch.map((d) => d.variantId))) {
      const variant = variantCache.get(key(workspaceId, id));
      if (variant) context.variants.set(key(workspaceId, id), variant);
    }

    // An update posted without a message reads as a status-page variant in each recipient's language.
    const updateIds = unique(batch.map((d) => d.updateId));
    if (updateIds.length > 0) {
      const rows = await db.db
        .selectFrom('incident_updates as u')
        .innerJoin('incidents as i', (join) => join.onRef('i.workspace_id', '=', 'u.workspace_id').onRef('i.id', '=', 'u.incident_id'))
        .select(['u.id', 'u.incident_id', 'u.status', 'u.body', 'u.bodies', 'u.published_at', 'i.name'])
        .where('u.workspace_id', '=', workspaceId)
        .where('u.id', 'in', updateIds)
        .execute();
      for (const row of rows) {
        for (const language of unique(batch.filter((d) => d.updateId === row.id).map((d) => d.language)) as Language[]) {
          context.variants.set(key(workspaceId, updateContentId(row.id, language)), {
            id: row.id, channel: 'status_page', audience: 'public', language, subject: `${row.name} — ${textFor(language).incidentStatus[row.status]}`,
            body: row.bodies?.[language] ?? row.body, network: null, incidentId: row.incident_id, incidentUpdateId: row.id, publishedAt: row.published_at,
          });
        }
      }
    }

    const incidentIds = unique([...context.variants.values()].map((v) => v.incidentId));
    if (incidentIds.length > 0) {
      const incidents = await db.db.selectFrom('incidents').select(['id', 'name', 'status', 'impact', 'next_update_at', 'created_at', 'updated_at']).where('workspace_id', '=', workspaceId).where('id', 'in', incidentIds).execute();
      const components = await db.db
        .selectFrom('incident_components as ic')
        .innerJoin('components as c', (join) => join.onRef('c.workspace_id', '=', 'ic.workspace_id').onRef('c.id', '=', 'ic.component_id'))
        .select(['ic.incident_id', 'c.name'])
        .where('ic.workspace_id', '=', workspaceId)
        .where('ic.incident_id', 'in', incidentIds)
        .orderBy('c.position')
        .execute();
      for (const incident of incidents) {
        context.incidents.set(key(workspaceId, incident.id), {
          id: incident.id, name: incident.name, status: incident.status, impact: incident.impact, nextUpdateAt: incident.next_update_at,
          createdAt: incident.created_at, updatedAt: incident.updated_at, components: components.filter((c) => c.incident_id === incident.id).map((c) => c.name),
        });
      }
    }

    await loadMaintenanceNotices(db, workspaceId, batch, context);

    const subscriberIds = unique(batch.map((d) => d.subscriberId));
    if (subscriberIds.length > 0) {
      const rows = await db.db.selectFrom('subscribers').select(['id', 'state', 'disabled_at', 'manage_token', 'page_id', 'webhook_secret']).where('workspace_id', '=', workspaceId).where('id', 'in', subscriberIds).execute();
      for (const row of rows) {
        context.subscribers.set(key(workspaceId, row.id), { active: row.state === 'active' && row.disabled_at === null, manageToken: row.manage_token, pageId: row.page_id, webhookSecret: row.webhook_secret });
      }
    }
    const addresses = unique(batch.filter((d) => d.subscriberId !== null && (d.channel === 'email' || d.channel === 'sms')).map((d) => d.address));
    if (addresses.length > 0) {
      const rows = await db.db.selectFrom('suppressions').select(['channel', 'address']).where('workspace_id', '=', workspaceId).where('address', 'in', addresses).execute();
      for (const row of rows) context.suppressed.add(`${workspaceId}:${row.channel}:${row.address}`);
    }
    const endpointIds = unique(batch.map((d) => d.endpointId));
    if (endpointIds.length > 0) {
      const rows = await db.db.selectFrom('channel_endpoints').select(['id', 'kind', 'name', 'target', 'secret', 'enabled', 'disabled_at']).where('workspace_id', '=', workspaceId).where('id', 'in', endpointIds).execute();
      for (const row of rows) context.endpoints.set(key(workspaceId, row.id), { active: row.enabled && row.disabled_at === null, kind: row.kind, name: row.name, target: row.target, secret: row.secret });
    }

    const pages = await db.db
      .selectFrom('status_pages as p')
      .innerJoin('workspaces as w', 'w.id', 'p.workspace_id')
      .select(['p.id', 'p.name', 'p.slug', 'p.url', 'p.time_zone', 'w.time_zone as workspace_time_zone'])
      .where('p.workspace_id', '=', workspaceId)
      .orderBy('p.created_at')
      .execute();
    for (const page of pages) {
      context.pages.set(key(workspaceId, page.id), { id: page.id, name: page.name, timeZone: page.time_zone, url: pageUrl(page, fallbackUrl) });
      context.timeZones.set(workspaceId, page.workspace_time_zone);
    }
    if (!context.timeZones.has(workspaceId)) {
      const workspace = await db.db.selectFrom('workspaces').select('time_zone').where('id', '=', workspaceId).executeTakeFirst();
      context.timeZones.set(workspaceId, workspace?.time_zone ?? 'UTC');
    }
  }
  return context;
}

/** The notices of a batch and their maintenances as they are now: moved, started or called off since they were queued. */
async function loadMaintenanceNotices(db: DatabaseHandle, workspaceId: string, batch: ClaimedDelivery[], context: DeliveryContext): Promise<void> {
  const deliveryIds = batch.filter((d) => d.kind === 'maintenance').map((d) => d.id);
  if (deliveryIds.length === 0) return;
  const keys = await db.db.selectFrom('deliveries').select(['id', 'dedupe_key']).where('workspace_id', '=', workspaceId).where('id', 'in', deliveryIds).execute();
  for (const row of keys) {
    const notice = parseNoticeKey(row.dedupe_key);
    if (notice) context.notices.set(key(workspaceId, String(row.id)), notice);
  }
  const ids = unique([...context.notices.values()].map((notice) => notice.maintenanceId));
  if (ids.length === 0) return;
  const [maintenances, components, updates] = await Promise.all([
    db.db.selectFrom('maintenances').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute(),
    db.db
      .selectFrom('maintenance_components as mc')
      .innerJoin('components as c', (join) => join.onRef('c.workspace_id', '=', 'mc.workspace_id').onRef('c.id', '=', 'mc.component_id'))
      .select(['mc.maintenance_id', 'c.name'])
      .where('mc.workspace_id', '=', workspaceId)
      .where('mc.maintenance_id', 'in', ids)
      .orderBy('c.position')
      .orderBy('c.name')
      .execute(),
    db.db
      .selectFrom('maintenance_updates')
      .select(['maintenance_id', 'id', 'status', 'body', 'display_at'])
      .distinctOn('maintenance_id')
      .where('workspace_id', '=', workspaceId)
      .where('maintenance_id', 'in', ids)
      .orderBy('maintenance_id')
      .orderBy('display_at', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
  ]);
  for (const row of maintenances) {
    const latest = updates.find((update) => update.maintenance_id === row.id);
    context.maintenances.set(key(workspaceId, row.id), {
      id: row.id, name: row.name, status: row.status, scheduledFor: row.scheduled_for, scheduledUntil: row.scheduled_until, noticeFor: row.notice_for, noticeHours: row.notice_hours,
      components: components.filter((c) => c.maintenance_id === row.id).map((c) => c.name),
      latestUpdate: latest ? { id: latest.id, status: latest.status, body: latest.body, displayAt: latest.display_at } : null,
      createdAt: row.created_at, updatedAt: row.updated_at,
    });
  }
}

/** What a delivery is written from: its message variant, or its incident update in its language. */
export function contentOf(context: DeliveryContext, delivery: ClaimedDelivery): VariantContent | undefined {
  const id = delivery.kind === 'update' ? (delivery.updateId && updateContentId(delivery.updateId, delivery.language)) : delivery.variantId;
  return lookup(context.variants, delivery.workspaceId, id ?? null);
}

const updateContentId = (updateId: string, language: Language) => `update:${updateId}:${language}`;

/** Where a page is read: its own URL, or `<statusUrl>/<slug>` (as the publisher builds it). */
export function pageUrl(page: Pick<Row<'status_pages'>, 'url' | 'slug'>, fallbackUrl: string): string {
  return (page.url ?? `${fallbackUrl.replace(/\/+$/, '')}/${page.slug}`).replace(/\/+$/, '');
}

export function lookup<T>(map: Map<string, T>, workspaceId: string, id: string | null): T | undefined {
  return id === null ? undefined : map.get(key(workspaceId, id));
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))];
}
