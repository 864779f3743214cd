import { z } from 'zod';
import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { InvalidError, NotFoundError, type FieldIssue } from '../../domain/errors.ts';
import type { UpdateMark } from '../../domain/incident/derive-status.ts';
import { impliedComponentStatus } from '../../domain/incident/impact.ts';
import { incidentStatuses, isOpen, type Impact, type IncidentStatus } from '../../domain/incident/lifecycle.ts';
import { timeIssues, type IncidentTimes } from '../../domain/incident/times.ts';
import type { ComponentStatus as ComponentStatusValue } from '../../domain/component/status.ts';
import { applyComponentStatus, fetchComponent, type StatusChange } from '../component/component-status.ts';
import type { Ctx } from '../context.ts';
import { Body, ComponentStatus, Id } from '../schemas.ts';
import { fetchIncident } from './fetch-incident.ts';

export const openStatuses = incidentStatuses.filter(isOpen);

export const ComponentIds = z
  .array(Id)
  .max(100)
  .refine((ids) => new Set(ids).size === ids.length, 'lists the same component twice');

/** Status changes an update applies: `[{ component_id, status }]`, each component once. */
export const ComponentChanges = z
  .array(z.strictObject({ component_id: Id, status: ComponentStatus }))
  .max(100)
  .refine((changes) => new Set(changes.map((c) => c.component_id)).size === changes.length, 'lists the same component twice');

export { fetchIncident };

/** The incident's updates in timeline order, newest first (the order `compareNewestFirst` defines). */
export async function fetchUpdates(tx: Tx, ctx: Ctx, incidentIds: string[]): Promise<Row<'incident_updates'>[]> {
  if (incidentIds.length === 0) return [];
  return tx
    .selectFrom('incident_updates')
    .selectAll()
    .where('workspace_id', '=', ctx.workspaceId)
    .where('incident_id', 'in', incidentIds)
    .orderBy('display_at', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The affected components of each incident, in component order. */
export async function fetchAffectedComponents(tx: Tx, ctx: Ctx, incidentIds: string[]): Promise<Map<string, string[]>> {
  const byIncident = new Map<string, string[]>(incidentIds.map((id) => [id, []]));
  if (incidentIds.length === 0) return byIncident;
  const rows = await tx
    .selectFrom('incident_components')
    .innerJoin('components', (join) =>
      join.onRef('components.workspace_id', '=', 'incident_components.workspace_id').onRef('components.id', '=', 'incident_components.component_id'),
    )
    .select(['incident_components.incident_id', 'incident_components.component_id'])
    .where('incident_components.workspace_id', '=', ctx.workspaceId)
    .where('incident_components.incident_id', 'in', incidentIds)
    .orderBy('components.position')
    .orderBy('components.id')
    .execute();
  for (const row of rows) byIncident.get(row.incident_id)?.push(row.component_id);
  return byIncident;
}

export function toMark(row: Pick<Row<'incident_updates'>, 'id' | 'status' | 'display_at' | 'created_at'>): UpdateMark {
  return { id: row.id, status: row.status, displayAt: row.display_at, createdAt: row.created_at };
}

/** The whole incident as the admin API shows it, read inside the caller's transaction. */
export async function loadIncident(tx: Tx, ctx: Ctx, id: string) {
  const row = await fetchIncident(tx, ctx, id);
  const components = await fetchAffectedComponents(tx, ctx, [id]);
  return presentIncident(row, components.get(id) ?? [], await fetchUpdates(tx, ctx, [id]));
}

export async function setAffectedComponents(tx: Tx, ctx: Ctx, incidentId: string, add: string[], remove: string[]): Promise<void> {
  if (remove.length > 0) {
    await tx
      .deleteFrom('incident_components')
      .where('workspace_id', '=', ctx.workspaceId)
      .where('incident_id', '=', incidentId)
      .where('component_id', 'in', remove)
      .execute();
  }
  if (add.length > 0) {
    await tx
      .insertInto('incident_components')
      .values(add.map((componentId) => ({ workspace_id: ctx.workspaceId, incident_id: incidentId, component_id: componentId })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/**
 * The component statuses an incident shows when it becomes public (opened with its first update, or
 * declared internally and now publishing one): `status` when given, else what the impact implies,
 * never better than the component already is (a minor incident never hides another one's outage).
 */
export async function applyImpactStatuses(
  tx: Tx,
  ctx: Ctx,
  { incidentId, impact, componentIds, status }: { incidentId: string; impact: Impact; componentIds: readonly string[]; status?: ComponentStatusValue },
): Promise<StatusChange[]> {
  const changes: StatusChange[] = [];
  for (const componentId of componentIds) {
    const target = status ?? impliedComponentStatus(impact, (await fetchComponent(tx, ctx, componentId)).status);
    const change = target ? await applyComponentStatus(tx, ctx, componentId, target, { incidentId }) : null;
    if (change) changes.push(change);
  }
  return changes;
}

export interface IncidentDetails {
  times: IncidentTimes;
  referentId: string | null;
  backupReferentId: string | null;
  /** The referent ids this change sets, checked for membership; unchanged ones are left alone. */
  newReferentIds: Array<{ field: 'referent_id' | 'backup_referent_id'; id: string }>;
}

/** Refuses impossible times and referents who are not members of the workspace, all issues at once. */
export async function assertValidDetails(tx: Tx, ctx: Ctx, details: IncidentDetails): Promise<void> {
  const issues: FieldIssue[] = timeIssues(details.times, ctx.now());
  if (details.referentId !== null && details.referentId === details.backupReferentId) {
    issues.push({ pointer: '/backup_referent_id', detail: 'is the referent: the backup must be someone else' });
  }
  for (const { field, id } of details.newReferentIds) {
    const member = await tx
      .selectFrom('memberships')
      .select('user_id')
      .where('workspace_id', '=', ctx.workspaceId)
      .where('user_id', '=', id)
      .executeTakeFirst();
    if (!member) issues.push({ pointer: `/${field}`, detail: `no member of this workspace has the id "${id}"` });
  }
  if (issues.length > 0) {
    const summary = issues.map((issue) => `${issue.pointer}: ${issue.detail}`).join('; ');
    throw new InvalidError(`The incident cannot be saved: ${summary}.`, issues);
  }
}

const iso = (at: Date | null) => (at === null ? null : at.toISOString());

export function presentIncidentUpdate(row: Row<'incident_updates'>) {
  return {
    id: row.id,
    status: row.status,
    body: row.body,
    bodies: row.bodies,
    message_id: row.message_id,
    affected_components: row.affected_components,
    deliver_notifications: row.deliver_notifications,
    author: { type: row.author_type, id: row.author_id, name: row.author_name },
    created_at: row.created_at.toISOString(),
    published_at: iso(row.published_at),
    display_at: row.display_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    version: row.version,
  };
}

export type IncidentVisibility = 'internal' | 'public';

/** Declared internally until its first public update: off every page, feed and subscriber notice meanwhile. */
export function visibilityOf(row: Pick<Row<'incidents'>, 'public_at'>): IncidentVisibility {
  return row.public_at === null ? 'internal' : 'public';
}

/** The incident without its timeline: what the audit log keeps of an edit. */
export function presentIncidentFields(row: Row<'incidents'>, componentIds: string[]) {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    impact: row.impact,
    occurred_at: iso(row.occurred_at),
    detected_at: iso(row.detected_at),
    acknowledged_at: iso(row.acknowledged_at),
    monitoring_at: iso(row.monitoring_at),
    resolved_at: iso(row.resolved_at),
    next_update_at: iso(row.next_update_at),
    daily_update_time: row.daily_update_time,
    referent_id: row.referent_id,
    backup_referent_id: row.backup_referent_id,
    component_ids: componentIds,
    visibility: visibilityOf(row),
    public_at: iso(row.public_at),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** `updates` must come newest first, as `fetchUpdates` returns them. */
export function presentIncident(row: Row<'incidents'>, componentIds: string[], updates: Row<'incident_updates'>[]) {
  return { ...presentIncidentFields(row, componentIds), updates: updates.filter((u) => u.incident_id === row.id).map(presentIncidentUpdate) };
}

export interface LockedIncident {
  row: Row<'incidents'>;
  componentIds: string[];
  /** The newest update in timeline order; null for an incident declared internally, with no update yet. */
  newest: UpdateMark | null;
  /** The latest creation time of any update, for `nextCreatedAt`; null without updates. */
  lastCreatedAt: Date | null;
}

/**
 * Locks an incident for a new update and reads, in the same round trip, what adding one needs:
 * its affected components and the head of its timeline.
 */
export async function lockIncidentForUpdate(tx: Tx, ctx: Ctx, id: string): Promise<LockedIncident> {
  const row = await tx
    .selectFrom('incidents')
    .selectAll('incidents')
    .select([
      sql<string[]>`array(select ic.component_id from incident_components ic join components c on c.workspace_id = ic.workspace_id and c.id = ic.component_id
        where ic.workspace_id = incidents.workspace_id and ic.incident_id = incidents.id order by c.position, c.id)`.as('component_ids'),
      sql<{ id: string; status: IncidentStatus; display_at: string; created_at: string } | null>`(select json_build_object('id', u.id, 'status', u.status, 'display_at', u.display_at, 'created_at', u.created_at)
        from incident_updates u where u.workspace_id = incidents.workspace_id and u.incident_id = incidents.id
        order by u.display_at desc, u.created_at desc, u.id desc limit 1)`.as('newest_update'),
      sql<Date | null>`(select max(u.created_at) from incident_updates u where u.workspace_id = incidents.workspace_id and u.incident_id = incidents.id)`.as('last_created_at'),
    ])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new NotFoundError('incident', id);
  const { component_ids, newest_update, last_created_at, ...incident } = row;
  return {
    row: incident,
    componentIds: component_ids,
    newest: newest_update && { id: newest_update.id, status: newest_update.status, displayAt: new Date(newest_update.display_at), createdAt: new Date(newest_update.created_at) },
    lastCreatedAt: last_created_at === null ? null : new Date(last_created_at),
  };
}

/** Every update's mark, for deriving the state when an update lands inside the timeline. */
export async function fetchMarks(tx: Tx, ctx: Ctx, incidentId: string): Promise<UpdateMark[]> {
  const rows = await tx
    .selectFrom('incident_updates')
    .select(['id', 'status', 'display_at', 'created_at'])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('incident_id', '=', incidentId)
    .execute();
  return rows.map(toMark);
}

/** An update's text per page language: French and English pages each show theirs, `body` is the fallback. */
export const UpdateBodies = z.strictObject({ fr: Body.optional(), en: Body.optional() });

/** The promised next update must lie ahead: a promise for the past is refused, not published. */
export function checkNextUpdate(nextUpdateAt: Date | null, now: Date): void {
  if (nextUpdateAt && nextUpdateAt <= now) {
    throw new InvalidError('The next update must be promised for later than now.', [{ pointer: '/next_update_at', detail: 'must be in the future' }]);
  }
}
