import { sql } from 'kysely';
import { z } from 'zod';
import type { Db, Tx } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { ConflictError, InvalidError, NotFoundError, type FieldIssue } from '../../domain/errors.ts';
import type { Eligibility } from '../../domain/compensation/eligibility.ts';
import { compensationKinds, offerPhrase, periodUnits, termsIssues, transition, type GestureAction, type GestureTerms } from '../../domain/compensation/gesture.ts';
import { checkVersion, type Ctx } from '../context.ts';
import { touchFactSheet } from '../facts/sheet-row.ts';
import { Id, Instant } from '../schemas.ts';

/** An amount in the currency's major unit, at most two decimals: 20, 12.5, 9.99. */
export const Amount = z
  .number()
  .positive()
  .max(10_000_000)
  .refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, 'at most two decimals');
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR');
export const Segment = z
  .string()
  .trim()
  .transform((value) => value.toLowerCase().replace(/\s+/g, '-'))
  .pipe(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'up to 40 letters, digits, - or _'));
export const GestureDescription = z.strictObject({ fr: z.string().trim().max(500).optional(), en: z.string().trim().max(500).optional() });

/** The fields of a gesture a person sets, shared by define and edit. */
export const gestureFields = {
  kind: z.enum(compensationKinds),
  /** credit and refund: the amount in the currency's major unit (20.5 = €20.50); null: none (a refund of "the month's fee"). */
  amount: Amount.nullable(),
  /** (Default: EUR, when an amount is given) */
  currency: Currency.nullable(),
  /** free_period: how many days or months. */
  period_count: z.number().int().min(1).max(1_000).nullable(),
  period_unit: z.enum(periodUnits).nullable(),
  /** What customers read after the gesture, per language ("on your next invoice"). */
  description: GestureDescription,
  /** Eligible: subscribers of these components; empty: of any component. (Default: the incident's affected components) */
  component_ids: z.array(Id).max(500),
  /** Eligible: subscribers in one of these segments; empty: any. (Default: []) */
  segments: z.array(Segment).max(50),
  /** The period the gesture makes up for. (Default: the incident's start) */
  covered_from: Instant,
  /** Eligible: subscribed before this. (Default: the incident's recovery, else now) */
  covered_to: Instant,
  /** When it will have been delivered: the promise's due time, announced publicly. */
  due_at: Instant.nullable(),
};

export async function fetchIncident(db: Db, ctx: Ctx, incidentId: string): Promise<Row<'incidents'>> {
  const row = await db.selectFrom('incidents').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', incidentId).executeTakeFirst();
  if (!row) throw new NotFoundError('incident', incidentId);
  return row;
}

export async function fetchGesture(db: Db, ctx: Ctx, incidentId: string, gestureId: string, forUpdate = false): Promise<Row<'compensation_gestures'>> {
  let query = db.selectFrom('compensation_gestures').selectAll().where('workspace_id', '=', ctx.workspaceId).where('incident_id', '=', incidentId).where('id', '=', gestureId);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFoundError('compensation-gesture', gestureId);
  return row;
}

export function termsOf(row: Pick<Row<'compensation_gestures'>, 'kind' | 'amount_minor' | 'currency' | 'period_count' | 'period_unit' | 'description_fr' | 'description_en'>): GestureTerms {
  return {
    kind: row.kind,
    amountMinor: row.amount_minor,
    currency: row.currency,
    periodCount: row.period_count,
    periodUnit: row.period_unit,
    description: { fr: row.description_fr, en: row.description_en },
  };
}

export function eligibilityOf(row: Pick<Row<'compensation_gestures'>, 'component_ids' | 'segments' | 'covered_to'>): Eligibility {
  return { componentIds: row.component_ids, segments: row.segments, subscribedBefore: row.covered_to };
}

/** Every issue of a gesture's terms and period at once, as one InvalidError. */
export function checkGesture(terms: GestureTerms, coveredFrom: Date, coveredTo: Date, dueAt: Date | null, now: Date, dueAtChanged: boolean): void {
  const issues: FieldIssue[] = termsIssues(terms);
  if (coveredFrom > coveredTo) issues.push({ pointer: '/covered_to', detail: 'must not be earlier than covered_from' });
  if (dueAt && dueAtChanged && dueAt <= now) issues.push({ pointer: '/due_at', detail: 'must be later than now' });
  if (issues.length > 0) throw new InvalidError(`The gesture is not valid: ${issues.map((i) => `${i.pointer}: ${i.detail}`).join('; ')}.`, issues, 'compensation-invalid');
}

/**
 * The subscribers a gesture reaches (domain/compensation/eligibility.ts says the same in plain code):
 * confirmed, e-mail or SMS, following a named component (or all), in a named segment, subscribed in time.
 */
export function eligibleSubscribers(db: Db, workspaceId: string, rule: Eligibility) {
  let query = db
    .selectFrom('subscribers as s')
    .where('s.workspace_id', '=', workspaceId)
    .where('s.state', '=', 'active')
    .where('s.channel', 'in', ['email', 'sms'])
    .where('s.created_at', '<=', rule.subscribedBefore);
  if (rule.componentIds.length > 0) {
    const ids = [...rule.componentIds];
    query = query.where((eb) =>
      eb.or([
        eb('s.all_components', '=', true),
        eb.exists(
          eb
            .selectFrom('subscriber_components as sc')
            .select(sql.lit(1).as('one'))
            .whereRef('sc.workspace_id', '=', 's.workspace_id')
            .whereRef('sc.subscriber_id', '=', 's.id')
            .where('sc.component_id', 'in', ids),
        ),
      ]),
    );
  }
  if (rule.segments.length > 0) {
    const segments = [...rule.segments];
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('subscriber_segments as ss')
          .select(sql.lit(1).as('one'))
          .whereRef('ss.workspace_id', '=', 's.workspace_id')
          .whereRef('ss.subscriber_id', '=', 's.id')
          .where('ss.segment', 'in', segments),
      ),
    );
  }
  return query;
}

/** How many people a rule reaches: one per address, however many pages they follow. */
export async function countEligibleBy(db: Db, workspaceId: string, rule: Eligibility): Promise<{ total: number; email: number; sms: number }> {
  const rows = await eligibleSubscribers(db, workspaceId, rule)
    .select(['s.channel', sql<string>`count(distinct s.address)`.as('people')])
    .groupBy('s.channel')
    .execute();
  const of = (channel: string) => Number(rows.find((row) => row.channel === channel)?.people ?? 0);
  return { total: of('email') + of('sms'), email: of('email'), sms: of('sms') };
}

export interface PromiseView {
  id: string;
  state: string;
  due_at: string | null;
  overdue: boolean;
  state_reason: string | null;
}

export async function promisesOf(db: Db, ctx: Ctx, rows: Row<'compensation_gestures'>[]): Promise<Map<string, PromiseView>> {
  const ids = rows.flatMap((row) => (row.promise_entry_id ? [row.promise_entry_id] : []));
  if (ids.length === 0) return new Map();
  const entries = await db.selectFrom('fact_entries').select(['id', 'state', 'due_at', 'state_reason']).where('workspace_id', '=', ctx.workspaceId).where('id', 'in', ids).execute();
  const now = ctx.now();
  return new Map(
    entries.map((entry) => {
      const overdue = entry.state === 'pending' && entry.due_at !== null && entry.due_at < now;
      return [entry.id, { id: entry.id, state: entry.state ?? 'pending', due_at: entry.due_at?.toISOString() ?? null, overdue, state_reason: entry.state_reason }];
    }),
  );
}

/** A gesture as the admin API shows it, with what it offers in words and its promise's state. */
export function presentGesture(row: Row<'compensation_gestures'>, promise: PromiseView | null) {
  const terms = termsOf(row);
  return {
    id: row.id,
    incident_id: row.incident_id,
    kind: row.kind,
    amount: row.amount_minor === null ? null : row.amount_minor / 100,
    currency: row.currency,
    period_count: row.period_count,
    period_unit: row.period_unit,
    description: { fr: row.description_fr, en: row.description_en },
    offer: { fr: offerPhrase(terms, 'fr'), en: offerPhrase(terms, 'en') },
    component_ids: row.component_ids,
    segments: row.segments,
    covered_from: row.covered_from.toISOString(),
    covered_to: row.covered_to.toISOString(),
    due_at: row.due_at?.toISOString() ?? null,
    state: row.state,
    message_id: row.message_id,
    promise,
    announced_at: row.announced_at?.toISOString() ?? null,
    delivery_started_at: row.delivery_started_at?.toISOString() ?? null,
    delivered_at: row.delivered_at?.toISOString() ?? null,
    cancelled_at: row.cancelled_at?.toISOString() ?? null,
    cancel_reason: row.cancel_reason,
    author: { type: row.author_type, id: row.author_id, name: row.author_name },
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    version: row.version,
  };
}
export type GestureView = ReturnType<typeof presentGesture>;

export async function presentOne(db: Db, ctx: Ctx, row: Row<'compensation_gestures'>): Promise<GestureView> {
  const promises = await promisesOf(db, ctx, [row]);
  return presentGesture(row, (row.promise_entry_id && promises.get(row.promise_entry_id)) || null);
}

/** Refuses component ids that are not the workspace's, each at `/component_ids/{index}`. */
export async function checkComponents(db: Db, ctx: Ctx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const known = new Set((await db.selectFrom('components').select('id').where('workspace_id', '=', ctx.workspaceId).where('id', 'in', [...ids]).execute()).map((row) => row.id));
  const issues = ids.flatMap((id, index) => (known.has(id) ? [] : [{ pointer: `/component_ids/${index}`, detail: `no component has the id "${id}"` }]));
  if (issues.length > 0) throw new InvalidError(`Unknown component(s): ${issues.map((issue) => issue.detail).join('; ')}.`, issues, 'component-unknown');
}

/** Settles the gesture's promise in the fact sheet, if it is still pending (someone may have settled it by hand). */
export async function settlePromise(tx: Tx, ctx: Ctx, gesture: Row<'compensation_gestures'>, state: 'kept' | 'broken' | 'dropped', reason: string | null, at: Date): Promise<void> {
  if (!gesture.promise_entry_id) return;
  const settled = await tx
    .updateTable('fact_entries')
    .set((eb) => ({ state, state_reason: reason, updated_at: at, version: eb('version', '+', 1) }))
    .where('workspace_id', '=', ctx.workspaceId)
    .where('id', '=', gesture.promise_entry_id)
    .where('state', '=', 'pending')
    .returning('id')
    .execute();
  if (settled.length > 0) await touchFactSheet(tx, ctx, gesture.incident_id, at);
}

/** Moves a gesture to its next state (If-Match: its version), or explains why it cannot. */
export async function stepGesture(tx: Tx, ctx: Ctx, { incidentId, gestureId, action, expectedVersion }: { incidentId: string; gestureId: string; action: GestureAction; expectedVersion: number | undefined }) {
  const gesture = await fetchGesture(tx, ctx, incidentId, gestureId, true);
  checkVersion('compensation gesture', gesture.version, expectedVersion);
  const step = transition(gesture.state, action);
  if (!step.ok) throw new ConflictError(`compensation-not-${action.replace('_', '-')}`, `The gesture cannot be ${pastTense[action]}: ${step.reason}.`);
  return { gesture, to: step.to };
}

const pastTense: Record<GestureAction, string> = { edit: 'edited', announce: 'announced', publish: 'published', start_delivery: 'marked as being delivered', deliver: 'marked delivered', cancel: 'cancelled' };
