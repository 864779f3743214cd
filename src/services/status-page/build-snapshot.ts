import { sql } from 'kysely';
import type { Db } from '../../adapters/db/connect.ts';
import type { ComponentStatus } from '../../domain/component/status.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { PublicCorrection, PublicIncident, PublicMaintenance, PublicSnapshot, PublicStatusChange } from '../../status-page/snapshot.ts';
import { readPublicCorrections } from '../corrections/public-corrections.ts';

const historyDays = 90;
/** More changed incidents than this since the last build: reading them all is as cheap. */
const deltaLimit = 500;

/**
 * What a publisher remembers of a page between two builds: the incidents it read and the content
 * version it read them at. The next build re-reads only the incidents the public-change journal
 * names since then, and keeps the other objects as they were, so the renderers can tell unchanged
 * incidents by identity. Memory is a cache: a new process, a missing journal row or a change in the
 * components' order reads everything again.
 */
export interface PageMemory {
  version: number;
  /** The components' order and the page's language: the incidents were read for these. */
  componentOrder: string;
  incidents: Map<string, PublicIncident>;
}

interface SnapshotRequest {
  db: Db;
  workspaceId: string;
  pageId: string;
  now: Date;
  fallbackUrl: string;
  /** Tocsin's public address (`TOCSIN_PUBLIC_URL`): a public page's subscription form posts there. (Default: no form) */
  publicUrl?: string;
  /** Per page id; given by a long-lived publisher, absent for a one-off build. */
  memory?: Map<string, PageMemory>;
}

/**
 * The public projection of one status page at `now`: an allow-list of fields, copied one by one
 * from the rows, so a column added later is private until it is added here. Drafts (updates not
 * published) and incidents declared internally never enter it. Read it in one repeatable-read transaction.
 */
export async function buildSnapshot({ db, workspaceId, pageId, now, fallbackUrl, publicUrl, memory }: SnapshotRequest): Promise<PublicSnapshot> {
  const page = await db
    .selectFrom('status_pages')
    .innerJoin('workspaces', 'workspaces.id', 'status_pages.workspace_id')
    .selectAll('status_pages')
    .select('workspaces.slug as workspace_slug')
    .where('status_pages.workspace_id', '=', workspaceId)
    .where('status_pages.id', '=', pageId)
    .executeTakeFirst();
  if (!page) throw new NotFoundError('status-page', pageId);
  const historyStart = new Date(now.getTime() - historyDays * 86_400_000);

  const [groups, components, maintenances, maintenanceUpdates, maintenanceComponents, history] = await Promise.all([
    db.selectFrom('component_groups').selectAll().where('workspace_id', '=', workspaceId).orderBy('position').orderBy('id').execute(),
    db.selectFrom('components').selectAll().where('workspace_id', '=', workspaceId).orderBy('position').orderBy('id').execute(),
    db.selectFrom('maintenances').selectAll().where('workspace_id', '=', workspaceId).orderBy('scheduled_for', 'desc').orderBy('id', 'desc').execute(),
    db.selectFrom('maintenance_updates').selectAll().where('workspace_id', '=', workspaceId).orderBy('display_at', 'desc').orderBy('created_at', 'desc').orderBy('id', 'desc').execute(),
    db.selectFrom('maintenance_components').selectAll().where('workspace_id', '=', workspaceId).execute(),
    statusHistory(db, workspaceId, historyStart, now),
  ]);

  const position = new Map(components.map((component, index) => [component.id, index]));
  const byMaintenance = groupBy(maintenanceUpdates, (row) => row.maintenance_id);
  const componentsByMaintenance = groupBy(maintenanceComponents, (row) => row.maintenance_id);
  const componentOrder = `${page.language}:${components.map((component) => component.id).join(',')}`;
  const incidents = await readIncidents(db, { workspaceId, pageId, language: page.language, version: page.content_version, componentOrder, position }, memory);

  return {
    generatedAt: now,
    historyStart,
    page: {
      id: page.id,
      name: page.name,
      slug: page.slug,
      url: (page.url ?? `${fallbackUrl.replace(/\/+$/, '')}/${page.slug}`).replace(/\/+$/, ''),
      language: page.language,
      timeZone: page.time_zone,
      visibility: page.visibility,
      updatedAt: page.updated_at,
    },
    groups: groups.map((group) => ({
      id: group.id,
      name: group.name,
      description: group.description,
      position: group.position,
      componentIds: components.filter((component) => component.group_id === group.id).map((component) => component.id),
      createdAt: group.created_at,
      updatedAt: group.updated_at,
    })),
    components: components.map((component) => ({
      id: component.id,
      name: component.name,
      description: component.description,
      position: component.position,
      status: component.status,
      groupId: component.group_id,
      showcase: component.showcase,
      onlyShowIfDegraded: component.only_show_if_degraded,
      startDate: component.start_date,
      createdAt: component.created_at,
      updatedAt: component.updated_at,
    })),
    incidents,
    maintenances: maintenances.map((maintenance) => publicMaintenance(maintenance, byMaintenance.get(maintenance.id) ?? [], sortedIds(componentsByMaintenance.get(maintenance.id) ?? [], position))),
    history,
    // Private pages take no self-service subscribers (their readers are known).
    ...(publicUrl && page.visibility === 'public'
      ? { subscribe: { action: `${publicUrl.replace(/\/+$/, '')}/subscribe/${encodeURIComponent(page.workspace_slug)}/${encodeURIComponent(page.slug)}` } }
      : {}),
  };
}

/**
 * Status changes from `historyStart` to `now`, oldest first, after each component's last change
 * before `historyStart` (its status when the window opens). One row of JSON: a few hundred rows
 * cost more to transfer one by one than the query; times travel as milliseconds, as a Date holds them.
 */
async function statusHistory(db: Db, workspaceId: string, historyStart: Date, now: Date): Promise<PublicStatusChange[]> {
  const ms = sql`floor(extract(epoch from changed_at) * 1000)::bigint`;
  const { rows } = await sql<{ before: Array<[string, ComponentStatus, number]> | null; recent: Array<[string, ComponentStatus, number]> | null }>`
    select
      (select json_agg(json_build_array(component_id, status, ms)) from (
        select distinct on (component_id) component_id, status, ${ms} as ms from component_status_changes
        where workspace_id = ${workspaceId} and changed_at < ${historyStart}
        order by component_id, changed_at desc, id desc) last) as before,
      (select json_agg(json_build_array(component_id, status, ${ms}) order by changed_at, id) from component_status_changes
        where workspace_id = ${workspaceId} and changed_at >= ${historyStart} and changed_at <= ${now}) as recent`.execute(db);
  const { before, recent } = rows[0]!;
  return [...(before ?? []), ...(recent ?? [])]
    .map(([componentId, status, changedMs]) => ({ componentId, status, changedAt: new Date(changedMs) }))
    .sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime());
}

interface IncidentRead {
  workspaceId: string;
  pageId: string;
  language: 'fr' | 'en';
  version: number;
  componentOrder: string;
  position: Map<string, number>;
}

/** The page's published incidents, newest first: all of them, or what changed since the remembered build. */
async function readIncidents(db: Db, read: IncidentRead, memory: Map<string, PageMemory> | undefined): Promise<PublicIncident[]> {
  const known = memory?.get(read.pageId);
  const changed = known && known.componentOrder === read.componentOrder ? await changedIncidentIds(db, read, known.version) : undefined;
  const incidents = changed && known ? new Map(known.incidents) : new Map<string, PublicIncident>();
  if (changed) for (const id of changed) incidents.delete(id);
  const ids = changed ? [...changed] : undefined;
  if (!ids || ids.length > 0) {
    const [rows, updates, links, corrections] = await Promise.all([
      // An incident declared internally is on no page, public or private, until its first public update.
      db
        .selectFrom('incidents')
        .selectAll()
        .where('workspace_id', '=', read.workspaceId)
        .where('public_at', 'is not', null)
        .$if(ids !== undefined, (q) => q.where('id', 'in', ids!))
        .execute(),
      db
        .selectFrom('incident_updates')
        .selectAll()
        .where('workspace_id', '=', read.workspaceId)
        .where('published_at', 'is not', null)
        .$if(ids !== undefined, (q) => q.where('incident_id', 'in', ids!))
        .orderBy('display_at', 'desc')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute(),
      db.selectFrom('incident_components').selectAll().where('workspace_id', '=', read.workspaceId).$if(ids !== undefined, (q) => q.where('incident_id', 'in', ids!)).execute(),
      readPublicCorrections(db, read.workspaceId, ids, read.language),
    ]);
    const byIncident = groupBy(updates, (row) => row.incident_id);
    const componentsByIncident = groupBy(links, (row) => row.incident_id);
    for (const row of rows) {
      const published = byIncident.get(row.id) ?? [];
      // An incident with nothing published yet is not public.
      if (published.length > 0) incidents.set(row.id, publicIncident(row, published, sortedIds(componentsByIncident.get(row.id) ?? [], read.position), read.language, corrections.get(row.id)));
    }
  }
  memory?.set(read.pageId, { version: read.version, componentOrder: read.componentOrder, incidents });
  return [...incidents.values()].sort(newestFirst);
}

/**
 * The incidents the journal names after `since`, or undefined when the journal cannot say (a row
 * swept away, too many changes): then everything is read again.
 */
async function changedIncidentIds(db: Db, read: IncidentRead, since: number): Promise<Set<string> | undefined> {
  if (since > read.version) return undefined;
  if (since === read.version) return new Set();
  const rows = await db
    .selectFrom('public_changes')
    .select(['version', 'entity_type', 'entity_id'])
    .where('workspace_id', '=', read.workspaceId)
    .where('page_id', '=', read.pageId)
    .where('version', '>', since)
    .where('version', '<=', read.version)
    .execute();
  if (new Set(rows.map((row) => row.version)).size !== read.version - since) return undefined;
  const ids = new Set(rows.filter((row) => row.entity_type === 'incident').map((row) => row.entity_id));
  return ids.size > deltaLimit ? undefined : ids;
}

/** Newest first by creation, then by id: the same order whichever way the incidents were read. */
function newestFirst(a: PublicIncident, b: PublicIncident): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function sortedIds(rows: Array<{ component_id: string }>, order: Map<string, number>): string[] {
  return rows.map((row) => row.component_id).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

function publicIncident(incident: Row<'incidents'>, updates: Row<'incident_updates'>[], componentIds: string[], language: 'fr' | 'en', corrections: PublicCorrection[] | undefined): PublicIncident {
  return {
    id: incident.id,
    name: incident.name,
    status: incident.status,
    impact: incident.impact,
    createdAt: incident.created_at,
    updatedAt: incident.updated_at,
    startedAt: incident.occurred_at ?? incident.created_at,
    monitoringAt: incident.monitoring_at,
    resolvedAt: incident.resolved_at,
    componentIds,
    updates: updates.map((update) => ({
      id: update.id,
      status: update.status,
      // The page's language when the update was written in it, else the text as given.
      body: update.bodies?.[language] ?? update.body,
      createdAt: update.created_at,
      updatedAt: update.updated_at,
      displayAt: update.display_at,
      affectedComponents: update.affected_components,
      deliverNotifications: update.deliver_notifications,
    })),
    nextUpdateAt: incident.next_update_at,
    ...(corrections ? { corrections } : {}),
  };
}

function publicMaintenance(maintenance: Row<'maintenances'>, updates: Row<'maintenance_updates'>[], componentIds: string[]): PublicMaintenance {
  return {
    id: maintenance.id,
    name: maintenance.name,
    status: maintenance.status,
    scheduledFor: maintenance.scheduled_for,
    scheduledUntil: maintenance.scheduled_until,
    startedAt: maintenance.started_at,
    completedAt: maintenance.completed_at,
    createdAt: maintenance.created_at,
    updatedAt: maintenance.updated_at,
    componentIds,
    updates: updates.map((update) => ({ id: update.id, status: update.status, body: update.body, createdAt: update.created_at, displayAt: update.display_at })),
  };
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
