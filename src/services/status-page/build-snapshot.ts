import type { Db } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { PublicIncident, PublicMaintenance, PublicSnapshot } from '../../status-page/snapshot.ts';

const historyDays = 90;

/**
 * The public projection of one status page at `now`: an allow-list of fields, copied one by one
 * from the rows, so a column added later is private until it is added here. Drafts (updates not
 * published) never enter it.
 */
export async function buildSnapshot({ db, workspaceId, pageId, now, fallbackUrl }: { db: Db; workspaceId: string; pageId: string; now: Date; fallbackUrl: string }): Promise<PublicSnapshot> {
  const page = await db.selectFrom('status_pages').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', pageId).executeTakeFirst();
  if (!page) throw new NotFoundError('status-page', pageId);
  const historyStart = new Date(now.getTime() - historyDays * 86_400_000);

  const [groups, components, incidents, updates, incidentComponents, maintenances, maintenanceUpdates, maintenanceComponents, recent, before] = await Promise.all([
    db.selectFrom('component_groups').selectAll().where('workspace_id', '=', workspaceId).orderBy('position').orderBy('id').execute(),
    db.selectFrom('components').selectAll().where('workspace_id', '=', workspaceId).orderBy('position').orderBy('id').execute(),
    db.selectFrom('incidents').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute(),
    db
      .selectFrom('incident_updates')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('published_at', 'is not', null)
      .orderBy('display_at', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    db.selectFrom('incident_components').selectAll().where('workspace_id', '=', workspaceId).execute(),
    db.selectFrom('maintenances').selectAll().where('workspace_id', '=', workspaceId).orderBy('scheduled_for', 'desc').orderBy('id', 'desc').execute(),
    db.selectFrom('maintenance_updates').selectAll().where('workspace_id', '=', workspaceId).orderBy('display_at', 'desc').orderBy('created_at', 'desc').orderBy('id', 'desc').execute(),
    db.selectFrom('maintenance_components').selectAll().where('workspace_id', '=', workspaceId).execute(),
    db
      .selectFrom('component_status_changes')
      .select(['component_id', 'status', 'changed_at'])
      .where('workspace_id', '=', workspaceId)
      .where('changed_at', '>=', historyStart)
      .where('changed_at', '<=', now)
      .orderBy('changed_at')
      .orderBy('id')
      .execute(),
    // Each component's status when the window opens: its last change before it.
    db
      .selectFrom('component_status_changes')
      .select(['component_id', 'status', 'changed_at'])
      .distinctOn('component_id')
      .where('workspace_id', '=', workspaceId)
      .where('changed_at', '<', historyStart)
      .orderBy('component_id')
      .orderBy('changed_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
  ]);

  const componentIds = (rows: Array<{ component_id: string }>, order: Map<string, number>) =>
    rows.map((row) => row.component_id).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const position = new Map(components.map((component, index) => [component.id, index]));
  const byIncident = groupBy(updates, (row) => row.incident_id);
  const componentsByIncident = groupBy(incidentComponents, (row) => row.incident_id);
  const byMaintenance = groupBy(maintenanceUpdates, (row) => row.maintenance_id);
  const componentsByMaintenance = groupBy(maintenanceComponents, (row) => row.maintenance_id);

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
    incidents: incidents.flatMap((incident) => {
      const published = byIncident.get(incident.id) ?? [];
      // An incident with nothing published yet is not public.
      return published.length === 0 ? [] : [publicIncident(incident, published, componentIds(componentsByIncident.get(incident.id) ?? [], position))];
    }),
    maintenances: maintenances.map((maintenance) => publicMaintenance(maintenance, byMaintenance.get(maintenance.id) ?? [], componentIds(componentsByMaintenance.get(maintenance.id) ?? [], position))),
    history: [...before, ...recent]
      .map((change) => ({ componentId: change.component_id, status: change.status, changedAt: change.changed_at }))
      .sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime()),
  };
}

function publicIncident(incident: Row<'incidents'>, updates: Row<'incident_updates'>[], componentIds: string[]): PublicIncident {
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
      body: update.body,
      createdAt: update.created_at,
      updatedAt: update.updated_at,
      displayAt: update.display_at,
      affectedComponents: update.affected_components,
      deliverNotifications: update.deliver_notifications,
    })),
    nextUpdateAt: null,
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
