import type { Db, Tx } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { closingBlockers, type ClosingBlocker, type GatePromise } from '../../domain/closing/promise-gate.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { recordAudit, type Ctx } from '../context.ts';
import { touchFactSheet } from '../facts/sheet-row.ts';

/** The incident's promises with whether each is on the follow-up list, oldest first. */
export async function loadGatePromises(db: Db, ctx: Pick<Ctx, 'workspaceId'>, incidentId: string): Promise<Array<GatePromise & { row: Row<'fact_entries'>; followUp: Row<'closing_follow_ups'> | null }>> {
  const [rows, followUps] = await Promise.all([
    db
      .selectFrom('fact_entries')
      .selectAll()
      .where('workspace_id', '=', ctx.workspaceId)
      .where('incident_id', '=', incidentId)
      .where('kind', '=', 'promised')
      .orderBy('noted_at')
      .orderBy('id')
      .execute(),
    db.selectFrom('closing_follow_ups').selectAll().where('workspace_id', '=', ctx.workspaceId).where('incident_id', '=', incidentId).execute(),
  ]);
  const byPromise = new Map(followUps.map((f) => [f.promise_id, f]));
  return rows.map((row) => ({
    id: row.id,
    kind: row.promise_kind ?? 'other',
    text: row.text,
    dueAt: row.due_at,
    state: row.state ?? 'pending',
    isWithdrawn: row.withdrawn_at !== null,
    isFollowedUp: byPromise.has(row.id),
    row,
    followUp: byPromise.get(row.id) ?? null,
  }));
}

export async function loadBlockers(db: Db, ctx: Pick<Ctx, 'workspaceId' | 'now'>, incidentId: string, isNextUpdateSettled: boolean): Promise<ClosingBlocker[]> {
  return closingBlockers(await loadGatePromises(db, ctx, incidentId), { isNextUpdateSettled, now: ctx.now() });
}

/** A promise of this incident, locked for a change; it must still be pending and not withdrawn. */
export async function lockPendingPromise(tx: Tx, ctx: Ctx, incidentId: string, promiseId: string): Promise<Row<'fact_entries'>> {
  const incident = await tx.selectFrom('incidents').select('id').where('workspace_id', '=', ctx.workspaceId).where('id', '=', incidentId).executeTakeFirst();
  if (!incident) throw new NotFoundError('incident', incidentId);
  const row = await tx
    .selectFrom('fact_entries')
    .selectAll()
    .where('workspace_id', '=', ctx.workspaceId)
    .where('incident_id', '=', incidentId)
    .where('id', '=', promiseId)
    .where('kind', '=', 'promised')
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new NotFoundError('promise', promiseId);
  if (row.withdrawn_at !== null) throw new ConflictError('promise-withdrawn', 'This promise was withdrawn from the fact sheet: there is nothing to settle.');
  if (row.state !== 'pending') throw new ConflictError('promise-settled', `This promise is already ${row.state}${row.state_reason ? ` (${row.state_reason})` : ''}.`);
  return row;
}

/** Sets a pending promise's state, audited on the entry and moving its sheet on, in one transaction. */
export async function settlePromise(tx: Tx, ctx: Ctx, before: Row<'fact_entries'>, change: { state: 'kept' | 'dropped'; reason: string | null; action: string }) {
  const now = ctx.now();
  const after = await tx
    .updateTable('fact_entries')
    .set({ state: change.state, state_reason: change.reason, updated_at: now, version: before.version + 1 })
    .where('workspace_id', '=', ctx.workspaceId)
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(tx, ctx, {
    action: change.action,
    entityType: 'fact_entry',
    entityId: before.id,
    before: { state: before.state, state_reason: before.state_reason, version: before.version },
    after: { state: after.state, state_reason: after.state_reason, version: after.version },
  });
  await touchFactSheet(tx, ctx, before.incident_id, now);
  return after;
}

/** A promise as the closing routes show it. */
export function presentPromise(row: Row<'fact_entries'>, followUp: Row<'closing_follow_ups'> | null, now: Date) {
  const state = row.state ?? 'pending';
  return {
    id: row.id,
    incident_id: row.incident_id,
    promise_kind: row.promise_kind ?? 'other',
    text: row.text,
    made_at: row.noted_at.toISOString(),
    due_at: row.due_at?.toISOString() ?? null,
    state,
    state_reason: row.state_reason,
    overdue: state === 'pending' && row.due_at !== null && row.due_at < now,
    follow_up: followUp && { at: followUp.created_at.toISOString(), by: followUp.author_name, note: followUp.note },
    version: row.version,
  };
}
export type PresentedPromise = ReturnType<typeof presentPromise>;

export function presentBlocker(b: ClosingBlocker) {
  return { id: b.id, promise_kind: b.kind, text: b.text, due_at: b.dueAt?.toISOString() ?? null, overdue: b.isOverdue };
}
