import { sql } from 'kysely';
import type { Db } from '../../adapters/db/connect.ts';
import type { ComponentStatus } from '../../domain/component/status.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { PublicCorrection, PublicIncident, PublicMaintenance, PublicSnapshot, PublicStatusChange } from '../../status-page/snapshot.ts';
import { readPublicCorrections } from '../corrections/public-corrections.ts';
import { insertSorted, newestFirst, recordIncidentsDelta } from '../../status-page/incident-views.ts';

const historyDays = 90;
/** More changed incidents than this since the last build: reading them all is as cheap. */
const deltaLimit = 500;
/** More versions than this since the last build: the journal is not read, everything is. */
const journalLimit = 2_000;

/**
 * What a publisher remembers of a page between two builds, so that the next one reads only what
 * changed and keeps the rest as the same objects (the renderers tell unchanged parts by identity):
 * - the incidents, newest first, as of content version `version`; the public-change journal names
 *   the incidents changed since;
 * - the other inputs (components, groups, status history, maintenances), as of `inputs.version`,
 *   which a trigger moves on at any write to their tables.
 * Memory is a cache: a new process, a missing journal row or a change in the components' order
 * reads everything again.
 */
export interface PageMemory {
  version: number;
  /** The components' order and the page's language: the incidents were read for these. */
  componentOrder: string;
  /** Newest first; the same array from build to build while none changed. */
  incidents: PublicIncident[];
  inputs: PageInputs;
}

/** A page's inputs besides its incidents, as read at `version` of the page's `inputs_version`. */
interface PageInputs {
  version: number;
  /** Where the history window opened when they were read: `changes` starts before it. */
  historyStart: Date;
  groups: PublicSnapshot['groups'];
  components: PublicSnapshot['components'];
  maintenances: PublicMaintenance[];
  position: Map<string, number>;
  /** Each component's last change before `historyStart`, then every change since (later than `now` too), oldest first. */
  changes: PublicStatusChange[];
  /** The window last taken from `changes`: kept as the same array while the window holds the same changes. */
  history: PublicStatusChange[];
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

type JournalRow = [version: number, entityType: string, entityId: string];

/**
 * The public projection of one status page at `now`: an allow-list of fields, copied one by one
 * from the rows, so a column added later is private until it is added here. Drafts (updates not
 * published) and incidents declared internally never enter it. Read it in one repeatable-read transaction.
 */
export async function buildSnapshot({ db, workspaceId, pageId, now, fallbackUrl, publicUrl, memory }: SnapshotRequest): Promise<PublicSnapshot> {
  const known = memory?.get(pageId);
  // The page and, for a publisher that remembers a build, what the journal says changed since.
  const page = await db
    .selectFrom('status_pages')
    .innerJoin('workspaces', 'workspaces.id', 'status_pages.workspace_id')
    .selectAll('status_pages')
    .select('workspaces.slug as workspace_slug')
    .select(
      known
        ? sql<JournalRow[] | null>`(select json_agg(json_build_array(version, entity_type, entity_id)) from public_changes
            where public_changes.workspace_id = status_pages.workspace_id and public_changes.page_id = status_pages.id
              and version > ${known.version} and version <= status_pages.content_version
              and status_pages.content_version - ${known.version} <= ${journalLimit})`.as('journal')
        : sql<null>`null`.as('journal'),
    )
    .where('status_pages.workspace_id', '=', workspaceId)
    .where('status_pages.id', '=', pageId)
    .executeTakeFirst();
  if (!page) throw new NotFoundError('status-page', pageId);
  const historyStart = new Date(now.getTime() - historyDays * 86_400_000);
  // While nothing was written to them, the components, groups, history and maintenances read last time hold.
  const inputs =
    known && known.inputs.version === page.inputs_version && historyStart >= known.inputs.historyStart
      ? known.inputs
      : await readInputs(db, workspaceId, page.inputs_version, historyStart);
  const history = historyWindow(inputs, historyStart, now);
  const componentOrder = `${page.language}:${inputs.components.map((component) => component.id).join(',')}`;
  const read: IncidentRead = { workspaceId, pageId, language: page.language, version: page.content_version, componentOrder, position: inputs.position };
  const changed = known && known.componentOrder === componentOrder ? changedIncidentIds(page.journal, read, known.version) : undefined;
  const incidents = changed && known ? await readChangedIncidents(db, read, known.incidents, changed) : await readIncidents(db, read);
  memory?.set(pageId, { version: page.content_version, componentOrder, incidents, inputs: { ...inputs, history } });

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
    groups: inputs.groups,
    components: inputs.components,
    incidents,
    maintenances: inputs.maintenances,
    history,
    // Private pages take no self-service subscribers (their readers are known).
    ...(publicUrl && page.visibility === 'public'
      ? { subscribe: { action: `${publicUrl.replace(/\/+$/, '')}/subscribe/${encodeURIComponent(page.workspace_slug)}/${encodeURIComponent(page.slug)}` } }
      : {}),
  };
}

/** Components, groups, maintenances and the status changes from the last one before `historyStart`. */
async function readInputs(db: Db, workspaceId: string, version: number, historyStart: Date): Promise<PageInputs> {
  const [groups, components, maintenances, maintenanceUpdates, maintenanceComponents, changes] = await Promise.all([
    db.selectFrom('component_groups').selectAll().where('workspace_id', '=', workspaceId).orderBy('position').orderBy('id').execute(),
    db.selectFrom('components').selectAll().where('workspace_id', '=', workspaceId).orderBy('position').orderBy('id').execute(),
    db.selectFrom('maintenances').selectAll().where('workspace_id', '=', workspaceId).orderBy('scheduled_for', 'desc').orderBy('id', 'desc').execute(),
    db.selectFrom('maintenance_updates').selectAll().where('workspace_id', '=', workspaceId).orderBy('display_at', 'desc').orderBy('created_at', 'desc').orderBy('id', 'desc').execute(),
    db.selectFrom('maintenance_components').selectAll().where('workspace_id', '=', workspaceId).execute(),
    statusChanges(db, workspaceId, historyStart),
  ]);
  const position = new Map(components.map((component, index) => [component.id, index]));
  const byMaintenance = groupBy(maintenanceUpdates, (row) => row.maintenance_id);
  const componentsByMaintenance = groupBy(maintenanceComponents, (row) => row.maintenance_id);
  return {
    version,
    historyStart,
    position,
    changes,
    history: [],
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
    maintenances: maintenances.map((maintenance) => publicMaintenance(maintenance, byMaintenance.get(maintenance.id) ?? [], sortedIds(componentsByMaintenance.get(maintenance.id) ?? [], position))),
  };
}

/**
 * Each component's last status change before `historyStart`, then every change since, oldest
 * first. One row of JSON: a few hundred rows cost more to transfer one by one than the query;
 * times travel as milliseconds, as a Date holds them.
 */
async function statusChanges(db: Db, workspaceId: string, historyStart: Date): Promise<PublicStatusChange[]> {
  const ms = sql`floor(extract(epoch from changed_at) * 1000)::bigint`;
  const { rows } = await sql<{ before: Array<[string, ComponentStatus, number]> | null; recent: Array<[string, ComponentStatus, number]> | null }>`
    select
      (select json_agg(json_build_array(component_id, status, ms)) from (
        select distinct on (component_id) component_id, status, ${ms} as ms from component_status_changes
        where workspace_id = ${workspaceId} and changed_at < ${historyStart}
        order by component_id, changed_at desc, id desc) last) as before,
      (select json_agg(json_build_array(component_id, status, ${ms}) order by changed_at, id) from component_status_changes
        where workspace_id = ${workspaceId} and changed_at >= ${historyStart}) as recent`.execute(db);
  const { before, recent } = rows[0]!;
  const change = ([componentId, status, changedMs]: [string, ComponentStatus, number]) => ({ componentId, status, changedAt: new Date(changedMs) });
  return [...(before ?? []).map(change).sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime()), ...(recent ?? []).map(change)];
}

/**
 * The history the page shows at `now`: each component's last change before `historyStart` (its
 * status when the window opens), then the changes up to `now`, oldest first. The same array as last
 * time when it holds the same changes.
 */
function historyWindow(inputs: PageInputs, historyStart: Date, now: Date): PublicStatusChange[] {
  const startMs = historyStart.getTime();
  const nowMs = now.getTime();
  const before = new Map<string, PublicStatusChange>();
  const recent: PublicStatusChange[] = [];
  for (const change of inputs.changes) {
    const at = change.changedAt.getTime();
    if (at < startMs) before.set(change.componentId, change);
    else if (at <= nowMs) recent.push(change);
  }
  const history = [...[...before.values()].sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime()), ...recent];
  const last = inputs.history;
  return last.length === history.length && history.every((change, index) => change === last[index]) ? last : history;
}

interface IncidentRead {
  workspaceId: string;
  pageId: string;
  language: 'fr' | 'en';
  version: number;
  componentOrder: string;
  position: Map<string, number>;
}

/** The page's published incidents (all, or `ids`), as public incidents in no particular order. */
async function fetchIncidents(db: Db, read: IncidentRead, ids?: string[]): Promise<PublicIncident[]> {
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
  // An incident with nothing published yet is not public.
  return rows.flatMap((row) => {
    const published = byIncident.get(row.id) ?? [];
    return published.length === 0 ? [] : [publicIncident(row, published, sortedIds(componentsByIncident.get(row.id) ?? [], read.position), read.language, corrections.get(row.id))];
  });
}

/** Every published incident of the page, newest first. */
async function readIncidents(db: Db, read: IncidentRead): Promise<PublicIncident[]> {
  return (await fetchIncidents(db, read)).sort(newestFirst);
}

/**
 * The remembered incidents with the `changed` ones read again: the same array when none changed,
 * else a new one where the others keep their objects and the changed ones take their place.
 */
async function readChangedIncidents(db: Db, read: IncidentRead, remembered: PublicIncident[], changed: Set<string>): Promise<PublicIncident[]> {
  if (changed.size === 0) return remembered;
  const fresh = await fetchIncidents(db, read, [...changed]);
  const incidents: PublicIncident[] = [];
  const removed: PublicIncident[] = [];
  for (const incident of remembered) (changed.has(incident.id) ? removed : incidents).push(incident);
  for (const incident of fresh) insertSorted(incidents, incident, newestFirst);
  recordIncidentsDelta(incidents, { previous: remembered, removed, added: fresh });
  return incidents;
}

/**
 * The incidents the journal names after `since`, or undefined when the journal cannot say (a row
 * swept away, too many changes): then everything is read again.
 */
function changedIncidentIds(journal: JournalRow[] | null, read: IncidentRead, since: number): Set<string> | undefined {
  if (since > read.version) return undefined;
  if (since === read.version) return new Set();
  const rows = journal ?? [];
  if (new Set(rows.map(([version]) => version)).size !== read.version - since) return undefined;
  const ids = new Set(rows.filter(([, entityType]) => entityType === 'incident').map(([, , entityId]) => entityId));
  return ids.size > deltaLimit ? undefined : ids;
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
