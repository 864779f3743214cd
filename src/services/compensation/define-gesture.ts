import { z } from 'zod';
import { newId } from '../../domain/ids.ts';
import { actorColumns, authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { parseInput, toDate } from '../schemas.ts';
import { checkComponents, checkGesture, fetchIncident, gestureFields, presentOne, termsOf } from './internal.ts';

export const DefineGestureInput = z.strictObject({
  kind: gestureFields.kind,
  amount: gestureFields.amount.default(null),
  currency: gestureFields.currency.optional(),
  period_count: gestureFields.period_count.default(null),
  period_unit: gestureFields.period_unit.default(null),
  description: gestureFields.description.default({}),
  component_ids: gestureFields.component_ids.optional(),
  segments: gestureFields.segments.default([]),
  covered_from: gestureFields.covered_from.optional(),
  covered_to: gestureFields.covered_to.optional(),
  due_at: gestureFields.due_at.default(null),
});
export type DefineGestureInput = z.input<typeof DefineGestureInput>;

/** Defines a compensation gesture for an incident, as a draft: nothing is public until it is announced. */
export async function defineGesture({ ctx, incidentId, input }: { ctx: Ctx; incidentId: string; input: DefineGestureInput }) {
  authorize(ctx, 'compensation.manage');
  const data = parseInput(DefineGestureInput, input);
  return withTransaction(ctx, async (tx) => {
    const incident = await fetchIncident(tx, ctx, incidentId);
    const now = ctx.now();
    const componentIds =
      data.component_ids ??
      (await tx.selectFrom('incident_components').select('component_id').where('workspace_id', '=', ctx.workspaceId).where('incident_id', '=', incidentId).execute()).map((row) => row.component_id);
    await checkComponents(tx, ctx, componentIds);
    const coveredFrom = toDate(data.covered_from) ?? incident.occurred_at ?? incident.detected_at ?? incident.created_at;
    const coveredTo = toDate(data.covered_to) ?? incident.resolved_at ?? now;
    const dueAt = toDate(data.due_at) ?? null;
    const currency = data.currency ?? (data.amount === null ? null : 'EUR');
    const values = {
      kind: data.kind,
      amount_minor: data.amount === null ? null : Math.round(data.amount * 100),
      currency,
      period_count: data.period_count,
      period_unit: data.period_unit,
      description_fr: data.description.fr ?? '',
      description_en: data.description.en ?? '',
    };
    checkGesture(termsOf(values), coveredFrom, coveredTo, dueAt, now, true);
    const row = await tx
      .insertInto('compensation_gestures')
      .values({
        workspace_id: ctx.workspaceId,
        id: newId(),
        incident_id: incidentId,
        ...values,
        component_ids: [...new Set(componentIds)],
        segments: [...new Set(data.segments)],
        covered_from: coveredFrom,
        covered_to: coveredTo,
        due_at: dueAt,
        ...actorColumns(ctx.actor),
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = await presentOne(tx, ctx, row);
    await recordAudit(tx, ctx, { action: 'compensation.define', entityType: 'compensation_gesture', entityId: row.id, after: view });
    return view;
  });
}
