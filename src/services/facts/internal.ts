import { z } from 'zod';
import type { Db, Tx } from '../../adapters/db/connect.ts';
import type { ActorType, FactFigures, Row } from '../../adapters/db/schema.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { recordAudit, type Ctx } from '../context.ts';
import { touchFactSheet } from './sheet-row.ts';
import { fetchIncident } from '../incident/fetch-incident.ts';

/** Who says so (known, unconfirmed), or where a rumor was seen. */
export const Source = z.string().trim().min(1).max(500);
/** Confirmed figures, numbers kept as numbers (doctrine §2: a quantified chronology builds credibility). */
export const Figures = z.strictObject({
  affected_people: z.number().int().min(0).optional(),
  records: z.number().int().min(0).optional(),
  regions: z.array(z.string().trim().min(1).max(100)).max(200).optional(),
});
export const Reason = z.string().trim().min(1).max(2_000);

/** `postponed`: a new time was announced, with its reason, before this one fell due. */
export const promiseStates = ['pending', 'kept', 'broken', 'dropped', 'postponed'] as const;
export type PromiseState = (typeof promiseStates)[number];
export const rumorStates = ['open', 'refuted', 'confirmed'] as const;
export type RumorState = (typeof rumorStates)[number];

export { fetchIncident };

/** An entry of this incident, locked for an edit; one of another incident is not found either. */
export async function lockEntry(tx: Tx, ctx: Ctx, incidentId: string, entryId: string): Promise<Row<'fact_entries'>> {
  await fetchIncident(tx, ctx, incidentId);
  const row = await tx
    .selectFrom('fact_entries')
    .selectAll()
    .where('workspace_id', '=', ctx.workspaceId)
    .where('incident_id', '=', incidentId)
    .where('id', '=', entryId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new NotFoundError('fact-entry', entryId);
  return row;
}

/** What the audit log keeps of an entry: its stored fields, the unset ones left out. */
export function entryRecord(row: Row<'fact_entries'>) {
  const record = {
    incident_id: row.incident_id,
    kind: row.kind,
    text: row.text,
    source: row.source,
    noted_at: row.noted_at.toISOString(),
    figures: row.figures,
    language: row.language,
    audience: row.audience,
    channel: row.channel,
    promise_kind: row.promise_kind,
    due_at: row.due_at?.toISOString() ?? null,
    state: row.state,
    state_reason: row.state_reason,
    correction: row.correction,
    withdrawn_at: row.withdrawn_at?.toISOString() ?? null,
    version: row.version,
  };
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null));
}

/** An entry change and its sheet's new version commit together; returns the sheet version. */
export async function recordEntryChange(tx: Tx, ctx: Ctx, action: string, before: Row<'fact_entries'> | undefined, after: Row<'fact_entries'>, extra: Record<string, unknown> = {}): Promise<number> {
  await recordAudit(tx, ctx, {
    action,
    entityType: 'fact_entry',
    entityId: after.id,
    before: before && entryRecord(before),
    after: { ...entryRecord(after), ...extra },
  });
  return touchFactSheet(tx, ctx, after.incident_id, ctx.now());
}

export interface ActorRef {
  type: ActorType;
  id: string | null;
  name: string;
}

/** What the audit log adds to an entry's row: who confirmed it and who withdrew it, why. */
export interface EntryMarks {
  confirmed?: { at: string; by: ActorRef };
  withdrawn?: { reason: string | null; by: ActorRef };
}

export function saidIsReadOnly(): ConflictError {
  return new ConflictError('said-is-read-only', 'What was said is the record of a published message: it cannot be edited or withdrawn. Publish a correction instead.');
}

type MarkRow = Pick<Row<'audit_log'>, 'entity_id' | 'action' | 'at' | 'actor_type' | 'actor_id' | 'actor_name' | 'after'>;

/** The newest confirmation and withdrawal of each entry, from its audit rows (oldest first). */
export function marksFrom(rows: MarkRow[]): Map<string, EntryMarks> {
  const marks = new Map<string, EntryMarks>();
  for (const row of rows) {
    const by = { type: row.actor_type, id: row.actor_id, name: row.actor_name };
    const mark = marks.get(row.entity_id) ?? {};
    if (row.action === 'fact_entry.confirm') mark.confirmed = { at: row.at.toISOString(), by };
    if (row.action === 'fact_entry.withdraw') mark.withdrawn = { reason: (row.after as { withdrawn_reason?: string } | null)?.withdrawn_reason ?? null, by };
    marks.set(row.entity_id, mark);
  }
  return marks;
}

/**
 * The marks of the entries that can have one: a confirmed entry has moved past version 1 and a
 * withdrawn one has its stamp. The schema has no columns for them; the audit log is their record.
 */
export async function fetchMarks(db: Db, ctx: Pick<Ctx, 'workspaceId'>, rows: Row<'fact_entries'>[]): Promise<Map<string, EntryMarks>> {
  const ids = rows.filter((row) => row.withdrawn_at !== null || (row.kind === 'known' && row.version > 1)).map((row) => row.id);
  if (ids.length === 0) return new Map();
  const audit = await db
    .selectFrom('audit_log')
    .select(['entity_id', 'action', 'at', 'actor_type', 'actor_id', 'actor_name', 'after'])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('entity_type', '=', 'fact_entry')
    .where('entity_id', 'in', ids)
    .where('action', 'in', ['fact_entry.confirm', 'fact_entry.withdraw'])
    .orderBy('id')
    .execute();
  return marksFrom(audit);
}

/** An entry as a write verb answers it: as the sheet shows it, and the sheet's version after the change. */
export async function presentWritten(tx: Tx, ctx: Ctx, row: Row<'fact_entries'>, sheetVersion: number) {
  const marks = await fetchMarks(tx, ctx, [row]);
  return { ...presentEntry(row, marks.get(row.id), ctx.now()), sheet_version: sheetVersion };
}

const iso = (at: Date | null) => (at === null ? null : at.toISOString());

/**
 * A pending promise past its due time reads as broken: derived from the clock at read time, never
 * stored (a late update settles it for good through the publish ledger).
 */
export function promiseState(row: Pick<Row<'fact_entries'>, 'state' | 'due_at'>, now: Date): { state: PromiseState; overdue: boolean } {
  const stored = (row.state ?? 'pending') as PromiseState;
  const overdue = stored === 'pending' && row.due_at !== null && row.due_at.getTime() < now.getTime();
  return { state: overdue ? 'broken' : stored, overdue };
}

/** One entry as the sheet shows it: the fields its kind has, and who wrote, confirmed or withdrew it. */
export function presentEntry(row: Row<'fact_entries'>, marks: EntryMarks | undefined, now: Date) {
  const common = {
    id: row.id,
    text: row.text,
    noted_at: row.noted_at.toISOString(),
    author: { type: row.author_type, id: row.author_id, name: row.author_name },
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    withdrawn: row.withdrawn_at === null ? null : { at: row.withdrawn_at.toISOString(), reason: marks?.withdrawn?.reason ?? null, by: marks?.withdrawn?.by ?? null },
    version: row.version,
  };
  switch (row.kind) {
    case 'known':
      return { kind: row.kind, ...common, source: row.source, figures: row.figures ?? ({} as FactFigures), confirmed: marks?.confirmed ?? null };
    case 'unconfirmed':
      return { kind: row.kind, ...common, source: row.source };
    case 'said':
      return { kind: row.kind, ...common, audience: row.audience, channel: row.channel, language: row.language, message_id: row.message_id, variant_id: row.variant_id };
    case 'promised':
      return {
        kind: row.kind,
        ...common,
        source: row.source,
        promise_kind: row.promise_kind,
        due_at: iso(row.due_at),
        ...promiseState(row, now),
        state_reason: row.state_reason,
        message_id: row.message_id,
      };
    case 'rumor':
      return { kind: row.kind, ...common, source: row.source, state: (row.state ?? 'open') as RumorState, correction: row.correction };
    case 'key_message':
      return { kind: row.kind, ...common, language: row.language };
  }
}
export type FactEntry = ReturnType<typeof presentEntry>;
