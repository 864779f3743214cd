import { z } from 'zod';
import { ConflictError } from '../../domain/errors.ts';
import { transition } from '../../domain/compensation/gesture.ts';
import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { parseInput, toDate } from '../schemas.ts';
import { checkComponents, checkGesture, fetchGesture, gestureFields, presentOne, termsOf } from './internal.ts';

export const EditGestureInput = z.strictObject({
  kind: gestureFields.kind.optional(),
  amount: gestureFields.amount.optional(),
  currency: gestureFields.currency.optional(),
  period_count: gestureFields.period_count.optional(),
  period_unit: gestureFields.period_unit.optional(),
  description: gestureFields.description.optional(),
  component_ids: gestureFields.component_ids.optional(),
  segments: gestureFields.segments.optional(),
  covered_from: gestureFields.covered_from.optional(),
  covered_to: gestureFields.covered_to.optional(),
  due_at: gestureFields.due_at.optional(),
});
export type EditGestureInput = z.input<typeof EditGestureInput>;

/** Edits a draft gesture (If-Match: its version); once its announcement is drafted, its terms are frozen. */
export async function editGesture({ ctx, incidentId, gestureId, input, expectedVersion }: { ctx: Ctx; incidentId: string; gestureId: string; input: EditGestureInput; expectedVersion?: number }) {
  authorize(ctx, 'compensation.manage');
  const data = parseInput(EditGestureInput, input);
  return withTransaction(ctx, async (tx) => {
    const before = await fetchGesture(tx, ctx, incidentId, gestureId, true);
    checkVersion('compensation gesture', before.version, expectedVersion);
    const step = transition(before.state, 'edit');
    if (!step.ok) throw new ConflictError('compensation-not-editable', `The gesture cannot be edited: ${step.reason}.`);
    if (data.component_ids) await checkComponents(tx, ctx, data.component_ids);
    const amountMinor = data.amount === undefined ? before.amount_minor : data.amount === null ? null : Math.round(data.amount * 100);
    const currency = data.currency !== undefined ? data.currency : data.amount === undefined ? before.currency : data.amount === null ? null : (before.currency ?? 'EUR');
    const values = {
      kind: data.kind ?? before.kind,
      amount_minor: amountMinor,
      currency,
      period_count: data.period_count === undefined ? before.period_count : data.period_count,
      period_unit: data.period_unit === undefined ? before.period_unit : data.period_unit,
      description_fr: data.description?.fr ?? before.description_fr,
      description_en: data.description?.en ?? before.description_en,
    };
    const coveredFrom = toDate(data.covered_from) ?? before.covered_from;
    const coveredTo = toDate(data.covered_to) ?? before.covered_to;
    const dueAt = data.due_at === undefined ? before.due_at : (toDate(data.due_at) ?? null);
    const now = ctx.now();
    checkGesture(termsOf(values), coveredFrom, coveredTo, dueAt, now, data.due_at !== undefined);
    const row = await tx
      .updateTable('compensation_gestures')
      .set({
        ...values,
        ...(data.component_ids ? { component_ids: [...new Set(data.component_ids)] } : {}),
        ...(data.segments ? { segments: [...new Set(data.segments)] } : {}),
        covered_from: coveredFrom,
        covered_to: coveredTo,
        due_at: dueAt,
        updated_at: now,
        version: before.version + 1,
      })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', gestureId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = await presentOne(tx, ctx, row);
    await recordAudit(tx, ctx, { action: 'compensation.edit', entityType: 'compensation_gesture', entityId: row.id, before: await presentOne(tx, ctx, before), after: view });
    return view;
  });
}
