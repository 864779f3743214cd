import { worstStatus, type ComponentStatus } from '../domain/component/status.ts';
import { isOpen, type Impact, type IncidentStatus } from '../domain/incident/lifecycle.ts';
import { isActive, type MaintenanceStatus } from '../domain/maintenance/lifecycle.ts';
import { formatTimestamp } from './format-time.ts';
import { incidentView, newestFirst } from './incident-views.ts';
import type { PublicAffectedComponent, PublicComponent, PublicGroup, PublicIncident, PublicMaintenance, PublicSnapshot, SiteFile } from './snapshot.ts';

// Shapes, key order included, of Atlassian Statuspage's public API v2, as captured from real pages
// (real captures in test/fixtures/statuspage; the 2024 capture adds `start_date` and `reminder_intervals`).

export interface ApiPage { id: string; name: string; url: string; time_zone: string; updated_at: string }

export interface ApiComponent {
  id: string;
  name: string;
  status: ComponentStatus;
  created_at: string;
  updated_at: string;
  position: number;
  description: string | null;
  showcase: boolean;
  start_date: string | null;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  /** Only on a group: its components' ids by position. */
  components?: string[];
}

export interface ApiUpdate {
  id: string;
  status: IncidentStatus | MaintenanceStatus;
  body: string;
  incident_id: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: PublicAffectedComponent[] | null;
  deliver_notifications: boolean;
  custom_tweet: null;
  tweet_id: null;
}

export interface ApiIncident {
  id: string;
  name: string;
  status: IncidentStatus | MaintenanceStatus;
  created_at: string;
  updated_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  impact: Impact | 'maintenance';
  shortlink: string;
  started_at: string;
  page_id: string;
  incident_updates: ApiUpdate[];
  components: ApiComponent[];
  reminder_intervals: null;
}

export interface ApiMaintenance extends ApiIncident { scheduled_for: string; scheduled_until: string }

export type StatusIndicator = 'none' | 'minor' | 'major' | 'critical' | 'maintenance';
export type StatusDescription =
  | 'All Systems Operational'
  | 'Service Under Maintenance'
  | 'Partially Degraded Service'
  | 'Degraded System Service'
  | 'Minor Service Outage'
  | 'Partial System Outage'
  | 'Major System Outage';
export interface PageStatus { indicator: StatusIndicator; description: StatusDescription }

/** How many incidents and maintenances the "most recent" endpoints list (Statuspage: 50). */
export const recentLimit = 50;

const rank: Record<StatusIndicator, number> = { none: 0, maintenance: 1, minor: 2, major: 3, critical: 4 };

/**
 * The page's rollup, as Statuspage derives it (checked against the captured pages):
 * - from the worst leaf component status: operational → none "All Systems Operational";
 *   under_maintenance → maintenance "Service Under Maintenance"; degraded_performance → minor
 *   "Partially Degraded Service" ("Degraded System Service" when every component is degraded);
 *   partial_outage → minor "Minor Service Outage"; major_outage → major "Partial System Outage"
 *   (critical "Major System Outage" when every component is in major outage);
 * - from the worst impact of the unresolved incidents: minor → minor "Minor Service Outage",
 *   major → major "Partial System Outage", critical → critical "Major System Outage";
 * - the higher indicator wins (components' phrase on a tie); a maintenance in progress or verifying
 *   turns a "none" into maintenance "Service Under Maintenance".
 */
export function pageStatus(snapshot: Pick<PublicSnapshot, 'components' | 'incidents' | 'maintenances'>): PageStatus {
  let status = pageStatuses.get(snapshot);
  if (!status) pageStatuses.set(snapshot, (status = computePageStatus(snapshot)));
  return status;
}

/** Per snapshot: the banner, the badge, the widget and every JSON file ask for the same status. */
const pageStatuses = new WeakMap<object, PageStatus>();

function computePageStatus(snapshot: Pick<PublicSnapshot, 'components' | 'incidents' | 'maintenances'>): PageStatus {
  const statuses = snapshot.components.map((component) => component.status);
  const fromComponents = componentRollup(statuses);
  const fromIncidents = incidentRollup(unresolvedIncidents(snapshot).map((incident) => incident.impact));
  const status = rank[fromIncidents.indicator] > rank[fromComponents.indicator] ? fromIncidents : fromComponents;
  if (status.indicator === 'none' && snapshot.maintenances.some((maintenance) => isActive(maintenance.status))) {
    return { indicator: 'maintenance', description: 'Service Under Maintenance' };
  }
  return status;
}

function componentRollup(statuses: ComponentStatus[]): PageStatus {
  const worst = worstStatus(statuses);
  const isEvery = statuses.every((status) => status === worst);
  switch (worst) {
    case 'operational':
      return { indicator: 'none', description: 'All Systems Operational' };
    case 'under_maintenance':
      return { indicator: 'maintenance', description: 'Service Under Maintenance' };
    case 'degraded_performance':
      return { indicator: 'minor', description: isEvery ? 'Degraded System Service' : 'Partially Degraded Service' };
    case 'partial_outage':
      return { indicator: 'minor', description: 'Minor Service Outage' };
    case 'major_outage':
      return isEvery ? { indicator: 'critical', description: 'Major System Outage' } : { indicator: 'major', description: 'Partial System Outage' };
  }
}

function incidentRollup(impacts: Impact[]): PageStatus {
  const worst = (['critical', 'major', 'minor'] as const).find((impact) => impacts.includes(impact));
  switch (worst) {
    case 'critical':
      return { indicator: 'critical', description: 'Major System Outage' };
    case 'major':
      return { indicator: 'major', description: 'Partial System Outage' };
    case 'minor':
      return { indicator: 'minor', description: 'Minor Service Outage' };
    case undefined:
      return { indicator: 'none', description: 'All Systems Operational' };
  }
}

/** Every `/api/v2/` file of the page; compact UTF-8 JSON, identical bytes for the same snapshot. */
export function renderStatuspageApi(snapshot: PublicSnapshot): SiteFile[] {
  const api = buildApi(snapshot);
  const page = api.page;
  const status = pageStatus(snapshot);
  const file = (path: string, value: object): SiteFile => ({ path: `api/v2/${path}`, contentType: 'application/json; charset=utf-8', body: JSON.stringify(value) });
  return [
    file('summary.json', { page, components: api.components, incidents: api.unresolved, scheduled_maintenances: api.summaryMaintenances, status }),
    file('status.json', { page, status }),
    file('components.json', { page, components: api.components }),
    file('incidents.json', { page, incidents: api.recentIncidents }),
    file('incidents/unresolved.json', { page, incidents: api.unresolved }),
    file('scheduled-maintenances.json', { page, scheduled_maintenances: api.recentMaintenances }),
    file('scheduled-maintenances/upcoming.json', { page, scheduled_maintenances: api.upcoming }),
    file('scheduled-maintenances/active.json', { page, scheduled_maintenances: api.active }),
  ];
}

function buildApi(snapshot: PublicSnapshot) {
  const source = snapshot.page;
  const timeZone = source.timeZone;
  const at = (date: Date) => formatTimestamp(date, timeZone);
  const page: ApiPage = { id: source.id, name: source.name, url: source.url, time_zone: timeZone, updated_at: at(source.updatedAt) };
  const components = componentList(snapshot, at);
  const leaves = new Map(components.filter((component) => !component.group).map((component) => [component.id, component]));
  const affected = (ids: string[]) => {
    const wanted = new Set(ids);
    return [...leaves.values()].filter((component) => wanted.has(component.id));
  };

  const incidents = publishedIncidents(snapshot);
  const presentIncident = (incident: PublicIncident): ApiIncident => {
    const key = `${source.id}|${source.url}|${timeZone}`;
    let known = presented.get(incident);
    if (known?.key !== key) presented.set(incident, (known = { key, ...presentedParts(incident, source.id, source.url, at) }));
    return { ...known.head, incident_updates: known.updates, components: affected(incident.componentIds), reminder_intervals: null };
  };

  const maintenances = snapshot.maintenances.filter((maintenance) => maintenance.updates.length > 0);
  const presentMaintenance = (maintenance: PublicMaintenance): ApiMaintenance => {
    const updates = [...maintenance.updates].sort(newestUpdateFirst);
    const verifying = updates.find((update) => update.status === 'verifying');
    return {
      id: maintenance.id,
      name: maintenance.name,
      status: maintenance.status,
      created_at: at(maintenance.createdAt),
      updated_at: at(maintenance.updatedAt),
      // Statuspage runs maintenances as incidents: verifying stamps monitoring_at, completed resolved_at.
      monitoring_at: verifying ? at(verifying.displayAt) : null,
      resolved_at: maintenance.completedAt ? at(maintenance.completedAt) : null,
      impact: 'maintenance',
      shortlink: `${source.url}/incidents/${maintenance.id}`,
      // Statuspage's started_at of a maintenance is when it was posted, not when the work began.
      started_at: at(maintenance.createdAt),
      page_id: source.id,
      incident_updates: updates.map((update) => ({
        id: update.id,
        status: update.status,
        body: update.body,
        incident_id: maintenance.id,
        created_at: at(update.createdAt),
        updated_at: at(update.createdAt),
        display_at: at(update.displayAt),
        affected_components: null,
        // The snapshot does not carry the switch for maintenance notes; Statuspage's default.
        deliver_notifications: true,
        custom_tweet: null,
        tweet_id: null,
      })),
      components: affected(maintenance.componentIds),
      reminder_intervals: null,
      scheduled_for: at(maintenance.scheduledFor),
      scheduled_until: at(maintenance.scheduledUntil),
    };
  };
  const soonestFirst = (a: PublicMaintenance, b: PublicMaintenance) => a.scheduledFor.getTime() - b.scheduledFor.getTime() || compareIds(a.id, b.id);
  const upcoming = maintenances.filter((maintenance) => maintenance.status === 'scheduled').sort(soonestFirst);
  const active = maintenances.filter((maintenance) => isActive(maintenance.status)).sort(soonestFirst);

  return {
    page,
    components,
    unresolved: unresolvedIncidents(snapshot).map(presentIncident),
    recentIncidents: incidents.slice(0, recentLimit).map(presentIncident),
    recentMaintenances: [...maintenances]
      .sort((a, b) => -soonestFirst(a, b))
      .slice(0, recentLimit)
      .map(presentMaintenance),
    upcoming: upcoming.map(presentMaintenance),
    active: active.map(presentMaintenance),
    summaryMaintenances: [...upcoming, ...active].sort(soonestFirst).map(presentMaintenance),
  };
}

/**
 * An incident's fields and updates as presented, kept while the incident object lives: a publisher
 * keeps unchanged incidents as the same objects, so a publish formats only the incidents that changed.
 */
const presented = new WeakMap<PublicIncident, { key: string; head: Omit<ApiIncident, 'incident_updates' | 'components' | 'reminder_intervals'>; updates: ApiUpdate[] }>();

function presentedParts(incident: PublicIncident, pageId: string, url: string, at: (date: Date) => string) {
  return {
    head: {
      id: incident.id,
      name: incident.name,
      status: incident.status,
      created_at: at(incident.createdAt),
      updated_at: at(incident.updatedAt),
      monitoring_at: incident.monitoringAt ? at(incident.monitoringAt) : null,
      resolved_at: incident.resolvedAt ? at(incident.resolvedAt) : null,
      impact: incident.impact,
      shortlink: `${url}/incidents/${incident.id}`,
      started_at: at(incident.startedAt),
      page_id: pageId,
    },
    updates: [...incident.updates].sort(newestUpdateFirst).map((update): ApiUpdate => ({
      id: update.id,
      status: update.status,
      body: update.body,
      incident_id: incident.id,
      created_at: at(update.createdAt),
      updated_at: at(update.updatedAt),
      display_at: at(update.displayAt),
      affected_components: update.affectedComponents && update.affectedComponents.length > 0 ? update.affectedComponents.map(copyAffected) : null,
      deliver_notifications: update.deliverNotifications,
      custom_tweet: null,
      tweet_id: null,
    })),
  };
}

/**
 * One flat list, as Statuspage's: each group (`group: true`, its children's ids) followed by its
 * components, ungrouped components between. Component positions are page-wide in Tocsin, so a
 * group stands where its first component stands; `position` is rewritten to Statuspage's meaning,
 * the rank among siblings (1-based). A component naming an unknown group is shown ungrouped.
 */
function componentList(snapshot: PublicSnapshot, at: (date: Date) => string): ApiComponent[] {
  const groups = new Map(snapshot.groups.map((group) => [group.id, group]));
  const children = new Map<string, PublicComponent[]>();
  for (const component of sortByPosition(snapshot.components)) {
    if (component.groupId === null || !groups.has(component.groupId)) continue;
    const members = children.get(component.groupId);
    if (members) members.push(component);
    else children.set(component.groupId, [component]);
  }
  for (const [groupId, members] of children) {
    const order = new Map((groups.get(groupId)?.componentIds ?? []).map((id, index) => [id, index]));
    members.sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
  }

  const topLevel: Array<{ group: PublicGroup } | { component: PublicComponent }> = [];
  const placed = new Set<string>();
  for (const component of sortByPosition(snapshot.components)) {
    const group = component.groupId === null ? undefined : groups.get(component.groupId);
    if (!group) topLevel.push({ component });
    else if (!placed.has(group.id)) {
      placed.add(group.id);
      topLevel.push({ group });
    }
  }
  for (const group of [...snapshot.groups].sort((a, b) => a.position - b.position || compareIds(a.id, b.id))) {
    if (!placed.has(group.id)) topLevel.push({ group });
  }

  const pageId = snapshot.page.id;
  const present = (component: PublicComponent, position: number, groupId: string | null): ApiComponent => ({
    id: component.id,
    name: component.name,
    status: component.status,
    created_at: at(component.createdAt),
    updated_at: at(component.updatedAt),
    position,
    description: component.description,
    showcase: component.showcase,
    start_date: component.startDate,
    group_id: groupId,
    page_id: pageId,
    group: false,
    only_show_if_degraded: component.onlyShowIfDegraded,
  });
  return topLevel.flatMap((item, index) => {
    if ('component' in item) return [present(item.component, index + 1, null)];
    const members = children.get(item.group.id) ?? [];
    const group: ApiComponent = {
      id: item.group.id,
      name: item.group.name,
      status: worstStatus(members.map((member) => member.status)),
      created_at: at(item.group.createdAt),
      updated_at: at(item.group.updatedAt),
      position: index + 1,
      description: item.group.description,
      showcase: false,
      start_date: null,
      group_id: null,
      page_id: pageId,
      group: true,
      only_show_if_degraded: false,
      components: members.map((member) => member.id),
    };
    return [group, ...members.map((member, rank) => present(member, rank + 1, item.group.id))];
  });
}

/**
 * An incident without a published update is not public yet: clients take `incident_updates[0]`.
 * Newest first by creation, then by id (a view kept between builds: see incident-views.ts).
 */
function publishedIncidents(snapshot: Pick<PublicSnapshot, 'incidents'>): readonly PublicIncident[] {
  return incidentView(snapshot.incidents, 'published', isPublished, newestFirst);
}

function unresolvedIncidents(snapshot: Pick<PublicSnapshot, 'incidents'>): readonly PublicIncident[] {
  return incidentView(snapshot.incidents, 'published-unresolved', (incident) => isPublished(incident) && isOpen(incident.status), newestFirst);
}

const isPublished = (incident: PublicIncident) => incident.updates.length > 0;

function sortByPosition(components: PublicComponent[]): PublicComponent[] {
  return [...components].sort((a, b) => a.position - b.position || compareIds(a.id, b.id));
}

function newestUpdateFirst(a: { displayAt: Date; createdAt: Date; id: string }, b: { displayAt: Date; createdAt: Date; id: string }): number {
  return b.displayAt.getTime() - a.displayAt.getTime() || b.createdAt.getTime() - a.createdAt.getTime() || compareIds(b.id, a.id);
}

/** Code-unit order, not the locale's: the same bytes on every machine. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function copyAffected(component: PublicAffectedComponent): PublicAffectedComponent {
  return { code: component.code, name: component.name, old_status: component.old_status, new_status: component.new_status };
}
