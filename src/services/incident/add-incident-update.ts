import { sql } from 'kysely';
import { z } from 'zod';
import type { Tx } from '../../adapters/db/connect.ts';
import { InvalidError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { compareNewestFirst, deriveIncidentState, foldIncidentState, nextCreatedAt } from '../../domain/incident/derive-status.ts';
import { assertTransition, incidentStatuses, isOpen } from '../../domain/incident/lifecycle.ts';
import { futureIssue } from '../../domain/incident/times.ts';
import { applyComponentStatus, currentStatusCause, fetchComponent, type StatusChange } from '../component/component-status.ts';
import { fanOutUpdate } from '../delivery/fan-out.ts';
import { assertPromisesSettled } from '../closing/assert-promises-settled.ts';
import { recordNextUpdatePromise, settleNextUpdatePromises } from '../facts/ledger.ts';
import { actorColumns, auditRow, authorize, withTransaction, type Ctx } from '../context.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { Body, Instant, parseInput, toDate } from '../schemas.ts';
import {
  applyImpactStatuses,
  checkNextUpdate,
  ComponentChanges,
  ComponentIds,
  fetchAffectedComponents,
  fetchMarks,
  lockIncidentForUpdate,
  openStatuses,
  presentIncidentFields,
  presentIncidentUpdate,
  setAffectedComponents,
  UpdateBodies,
} from './internal.ts';

export const AddIncidentUpdateInput = z
  .strictObject({
    status: z.enum(incidentStatuses),
    body: Body,
    /** Status changes to apply; a component not yet affected joins the incident. */
    components: ComponentChanges.optional(),
    add_component_ids: ComponentIds.optional(),
    remove_component_ids: ComponentIds.optional(),
    deliver_notifications: z.boolean().default(true),
    /** Back-dates the update on the timeline (default: now); never in the future. */
    display_at: Instant.optional(),
    /** The text per page language (French and English pages each show theirs); `body` is the fallback. */
    bodies: UpdateBodies.optional(),
    /** The public promise of the next update while the incident stays open; in the future. */
    next_update_at: Instant.optional(),
  })
  .superRefine((data, check) => {
    const removed = new Set(data.remove_component_ids ?? []);
    data.add_component_ids?.forEach((id, i) => {
      if (removed.has(id)) check.addIssue({ code: 'custom', path: ['add_component_ids', i], message: 'is also in remove_component_ids' });
    });
    data.components?.forEach((change, i) => {
      if (removed.has(change.component_id)) check.addIssue({ code: 'custom', path: ['components', i, 'component_id'], message: 'is also in remove_component_ids' });
    });
  });
export type AddIncidentUpdateInput = z.input<typeof AddIncidentUpdateInput>;

/**
 * Adds an update to an incident's timeline. The incident's status and stamps are recomputed from
 * all its updates, so a back-dated update does not win; when the incident closes, the components
 * it put in their current status go back to operational unless this update sets them. The first
 * update of an incident declared internally makes it public: on the pages, to the subscribers.
 */
export async function addIncidentUpdate({ ctx, id, input, messageId }: { ctx: Ctx; id: string; input: AddIncidentUpdateInput; messageId?: string }) {
  authorize(ctx, 'incident.update');
  const data = parseInput(AddIncidentUpdateInput, input);
  return withTransaction(ctx, async (tx) => {
    const locked = await lockIncidentForUpdate(tx, ctx, id);
    const before = locked.row;
    assertTransition(before.status, data.status);
    // Issue #9: a public close waits for every promise but the next-update ones, which this update settles.
    if (!isOpen(data.status)) await assertPromisesSettled(tx, ctx, id, true);
    const now = ctx.now();
    const displayAtIssue = futureIssue('display_at', toDate(data.display_at) ?? null, now);
    if (displayAtIssue) throw new InvalidError(`An update cannot be dated in the future: ${displayAtIssue.detail}.`, [displayAtIssue]);
    const nextUpdateAt = toDate(data.next_update_at) ?? null;
    checkNextUpdate(nextUpdateAt, now);

    const createdAt = nextCreatedAt(now, locked.lastCreatedAt);
    const update = { id: newId(), status: data.status, displayAt: toDate(data.display_at) ?? createdAt, createdAt };
    // The usual update is the newest: fold it into the cached state; a back-dated one re-derives it all.
    // The first update of an incident declared internally folds into its declared state.
    const state =
      locked.newest === null || compareNewestFirst(update, locked.newest) < 0
        ? foldIncidentState({ status: before.status, monitoringAt: before.monitoring_at, resolvedAt: before.resolved_at }, update)
        : deriveIncidentState([...(await fetchMarks(tx, ctx, id)), update]);

    const beforeComponentIds = locked.componentIds;
    const explicit = new Map((data.components ?? []).map((change) => [change.component_id, change.status]));
    const added = [...new Set([...(data.add_component_ids ?? []), ...explicit.keys()])].filter((c) => !beforeComponentIds.includes(c));
    for (const componentId of added) await fetchComponent(tx, ctx, componentId);
    await setAffectedComponents(tx, ctx, id, added, data.remove_component_ids ?? []);

    const isMovingComponents = added.length > 0 || (data.remove_component_ids ?? []).length > 0;
    const componentIds = isMovingComponents ? ((await fetchAffectedComponents(tx, ctx, [id])).get(id) ?? []) : beforeComponentIds;
    const changes: StatusChange[] = [];
    for (const [componentId, status] of explicit) {
      const change = await applyComponentStatus(tx, ctx, componentId, status, { incidentId: id });
      if (change) changes.push(change);
    }
    const isFirstPublic = before.public_at === null;
    if (isFirstPublic && isOpen(state.status)) {
      // Declared internally, its components kept their statuses: they take the impact's now, as at an opening.
      const implied = componentIds.filter((componentId) => !explicit.has(componentId));
      changes.push(...(await applyImpactStatuses(tx, ctx, { incidentId: id, impact: before.impact, componentIds: implied })));
    }
    if (isOpen(before.status) && !isOpen(state.status)) {
      for (const componentId of componentIds) {
        if (explicit.has(componentId) || !(await isRestorable(tx, ctx, id, componentId))) continue;
        const change = await applyComponentStatus(tx, ctx, componentId, 'operational', { incidentId: id });
        if (change) changes.push(change);
      }
    }

    const row: Row<'incident_updates'> = {
      workspace_id: ctx.workspaceId,
      id: update.id,
      incident_id: id,
      status: data.status,
      body: data.body,
      bodies: data.bodies ?? null,
      message_id: messageId ?? null,
      affected_components: changes.length > 0 ? changes : null,
      deliver_notifications: data.deliver_notifications,
      ...actorColumns(ctx.actor),
      created_at: createdAt,
      published_at: createdAt,
      display_at: update.displayAt,
      updated_at: createdAt,
      version: 1,
    };
    const incidentRow: Row<'incidents'> = {
      ...before,
      status: state.status,
      monitoring_at: state.monitoringAt,
      resolved_at: state.resolvedAt,
      next_update_at: isOpen(state.status) ? nextUpdateAt : null,
      public_at: before.public_at ?? createdAt,
      updated_at: now,
      version: before.version + 1,
    };
    const incident = presentIncidentFields(incidentRow, componentIds);
    const added_update = presentIncidentUpdate(row);
    // The update, the incident's new state, the audit row and the pages going stale are one
    // statement: one round trip (recordAudit's and markPagesStale's work, done inline).
    await tx
      .with('added_update', (db) =>
        db.insertInto('incident_updates').values({ ...row, affected_components: row.affected_components && JSON.stringify(row.affected_components), bodies: row.bodies && JSON.stringify(row.bodies) }),
      )
      .with('stale_pages', (db) =>
        db
          .updateTable('status_pages')
          .set((eb) => ({ content_version: eb('content_version', '+', 1) }))
          .where('workspace_id', '=', ctx.workspaceId)
          .returning(['workspace_id', 'id', 'content_version']),
      )
      .with('journal', (db) =>
        db
          .insertInto('public_changes')
          .columns(['workspace_id', 'page_id', 'version', 'entity_type', 'entity_id', 'changed_at'])
          .expression(db.selectFrom('stale_pages').select(['workspace_id', 'id', 'content_version', sql<string>`'incident'`.as('entity_type'), sql<string>`${id}::text`.as('entity_id'), sql<Date>`${now}::timestamptz`.as('changed_at')])),
      )
      .with('moved_incident', (db) =>
        db
          .updateTable('incidents')
          .set({ status: incidentRow.status, monitoring_at: incidentRow.monitoring_at, resolved_at: incidentRow.resolved_at, next_update_at: incidentRow.next_update_at, public_at: incidentRow.public_at, updated_at: now, version: incidentRow.version })
          .where('workspace_id', '=', ctx.workspaceId)
          .where('id', '=', id),
      )
      .insertInto('audit_log')
      .values(auditRow(ctx, { action: 'incident.add_update', entityType: 'incident', entityId: id, before: presentIncidentFields(before, beforeComponentIds), after: { ...incident, added_update } }))
      .execute();
    if (!messageId) {
      // A message's publish keeps the fact sheet's promises and reaches subscribers itself; an
      // update posted directly does it here: it keeps or breaks the promises before it, and records its own.
      await settleNextUpdatePromises(tx, ctx, id, createdAt);
      if (incidentRow.next_update_at) await recordNextUpdatePromise(tx, ctx, { incidentId: id, dueAt: incidentRow.next_update_at, at: createdAt });
      if (data.deliver_notifications) await fanOutUpdate(tx, ctx, { updateId: update.id, incidentId: id });
    }
    return { ...incident, update: added_update };
  });
}

/**
 * A closing incident gives a component back only if the component's newest status change came from
 * this incident (not a later hand edit, maintenance or other incident) and no other open incident
 * still lists it.
 */
async function isRestorable(tx: Tx, ctx: Ctx, incidentId: string, componentId: string): Promise<boolean> {
  if ((await currentStatusCause(tx, ctx, componentId))?.incidentId !== incidentId) return false;
  const otherOpen = await tx
    .selectFrom('incident_components')
    .innerJoin('incidents', (join) =>
      join.onRef('incidents.workspace_id', '=', 'incident_components.workspace_id').onRef('incidents.id', '=', 'incident_components.incident_id'),
    )
    .select('incidents.id')
    .where('incident_components.workspace_id', '=', ctx.workspaceId)
    .where('incident_components.component_id', '=', componentId)
    .where('incidents.id', '<>', incidentId)
    .where('incidents.status', 'in', openStatuses)
    .limit(1)
    .executeTakeFirst();
  return otherOpen === undefined;
}
