import { z } from 'zod';
import { fetchComponent } from '../component/component-status.ts';
import { fanOutUpdate } from '../delivery/fan-out.ts';
import { recordNextUpdatePromise } from '../facts/ledger.ts';
import { newId } from '../../domain/ids.ts';
import { deriveIncidentState } from '../../domain/incident/derive-status.ts';
import { impacts, isOpen } from '../../domain/incident/lifecycle.ts';
import { actorColumns, authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Body, ComponentStatus, Id, Instant, Name, parseInput, toDate } from '../schemas.ts';
import { ComponentIds, UpdateBodies, applyImpactStatuses, assertValidDetails, checkNextUpdate, loadIncident, setAffectedComponents } from './internal.ts';

/** The statuses an incident declared internally may take: nothing said yet, so nothing monitored or resolved in public. */
const internalStatuses: readonly string[] = ['investigating', 'identified'];

export const OpenIncidentInput = z
  .strictObject({
    name: Name,
    impact: z.enum(impacts),
    /** A postmortem follows a resolution, so an incident cannot open with one. */
    status: z.enum(['investigating', 'identified', 'monitoring', 'resolved']).default('investigating'),
    /**
     * The first public update. Without it the incident is declared internally: no update, no
     * notification, no component status changed, on no status page until its first public update.
     */
    body: Body.optional(),
    bodies: UpdateBodies.optional(),
    /** The public promise of the next update; in the future. */
    next_update_at: Instant.optional(),
    component_ids: ComponentIds.default([]),
    /** Set on every listed component; by default the status the impact implies, never a better one. */
    component_status: ComponentStatus.optional(),
    occurred_at: Instant.nullable().optional(),
    detected_at: Instant.nullable().optional(),
    acknowledged_at: Instant.nullable().optional(),
    referent_id: Id.nullable().optional(),
    backup_referent_id: Id.nullable().optional(),
    deliver_notifications: z.boolean().default(true),
  })
  .superRefine((data, check) => {
    if (data.body !== undefined) return;
    const refuse = (field: string, message: string) => check.addIssue({ code: 'custom', path: [field], message });
    if (data.bodies !== undefined) refuse('bodies', 'needs a body: an incident declared internally has no public text yet');
    if (data.next_update_at !== undefined) refuse('next_update_at', 'needs a body: nothing is promised before the first public message');
    if (data.component_status !== undefined) refuse('component_status', 'needs a body: a component status is public, it changes with the first public update');
    if (!internalStatuses.includes(data.status)) refuse('status', 'an incident declared internally is investigating or identified');
  });
export type OpenIncidentInput = z.input<typeof OpenIncidentInput>;

/**
 * Opens an incident with its first update, public at once, and marks its components as the impact
 * says; or, without a body, declares it internally (doctrine §1: the first statement is prepared
 * and approved before anything goes out): its components are recorded, their statuses untouched.
 */
export async function openIncident({ ctx, input }: { ctx: Ctx; input: OpenIncidentInput }) {
  authorize(ctx, 'incident.open');
  const data = parseInput(OpenIncidentInput, input);
  return withTransaction(ctx, async (tx) => {
    const referentId = data.referent_id ?? null;
    const backupReferentId = data.backup_referent_id ?? null;
    await assertValidDetails(tx, ctx, {
      times: { occurredAt: toDate(data.occurred_at) ?? null, detectedAt: toDate(data.detected_at) ?? null, acknowledgedAt: toDate(data.acknowledged_at) ?? null },
      referentId,
      backupReferentId,
      newReferentIds: [
        ...(referentId ? [{ field: 'referent_id' as const, id: referentId }] : []),
        ...(backupReferentId ? [{ field: 'backup_referent_id' as const, id: backupReferentId }] : []),
      ],
    });
    for (const componentId of data.component_ids) await fetchComponent(tx, ctx, componentId);

    const now = ctx.now();
    const nextUpdateAt = toDate(data.next_update_at) ?? null;
    checkNextUpdate(nextUpdateAt, now);
    const id = newId();
    const updateId = newId();
    const isPublic = data.body !== undefined;
    const state = isPublic ? deriveIncidentState([{ id: updateId, status: data.status, displayAt: now, createdAt: now }]) : { status: data.status, monitoringAt: null, resolvedAt: null };
    await tx
      .insertInto('incidents')
      .values({
        workspace_id: ctx.workspaceId,
        id,
        name: data.name,
        status: state.status,
        impact: data.impact,
        occurred_at: toDate(data.occurred_at) ?? null,
        detected_at: toDate(data.detected_at) ?? null,
        acknowledged_at: toDate(data.acknowledged_at) ?? null,
        monitoring_at: state.monitoringAt,
        resolved_at: state.resolvedAt,
        next_update_at: isOpen(state.status) ? nextUpdateAt : null,
        referent_id: referentId,
        backup_referent_id: backupReferentId,
        created_by: ctx.actor.type === 'system' ? null : ctx.actor.id,
        created_at: now,
        updated_at: now,
        public_at: isPublic ? now : null,
      })
      .execute();
    await setAffectedComponents(tx, ctx, id, data.component_ids, []);

    if (data.body !== undefined) {
      // An incident recorded after the fact (opened resolved) changes no component unless told to.
      const changes =
        data.component_status || isOpen(data.status)
          ? await applyImpactStatuses(tx, ctx, { incidentId: id, impact: data.impact, componentIds: data.component_ids, status: data.component_status })
          : [];
      await tx
        .insertInto('incident_updates')
        .values({
          workspace_id: ctx.workspaceId,
          id: updateId,
          incident_id: id,
          status: data.status,
          body: data.body,
          bodies: data.bodies ? JSON.stringify(data.bodies) : null,
          affected_components: changes.length > 0 ? JSON.stringify(changes) : null,
          deliver_notifications: data.deliver_notifications,
          ...actorColumns(ctx.actor),
          created_at: now,
          published_at: now,
          display_at: now,
          updated_at: now,
        })
        .execute();

      if (nextUpdateAt && isOpen(state.status)) await recordNextUpdatePromise(tx, ctx, { incidentId: id, dueAt: nextUpdateAt, at: now });
      if (data.deliver_notifications) await fanOutUpdate(tx, ctx, { updateId, incidentId: id });
    }

    const incident = await loadIncident(tx, ctx, id);
    await recordAudit(tx, ctx, { action: 'incident.open', entityType: 'incident', entityId: id, after: incident });
    return incident;
  });
}
