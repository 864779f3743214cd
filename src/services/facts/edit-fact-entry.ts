import { z } from 'zod';
import type { Updateable } from 'kysely';
import type { FactEntriesTable, FactKind, Row } from '../../adapters/db/schema.ts';
import { ConflictError, InvalidError, type FieldIssue } from '../../domain/errors.ts';
import { futureIssue } from '../../domain/incident/times.ts';
import { authorize, checkVersion, withTransaction, type Ctx } from '../context.ts';
import { Body, Instant, Language, parseInput, stripUndefined, toDate } from '../schemas.ts';
import { Figures, Reason, Source, lockEntry, presentWritten, recordEntryChange, rumorStates, saidIsReadOnly } from './internal.ts';

export const EditFactEntryInput = z.strictObject({
  text: Body.optional(),
  /** known, unconfirmed, rumor; a promise's may be null. */
  source: Source.nullable().optional(),
  noted_at: Instant.optional(),
  /** known: the whole set of figures, replacing the current one; null clears them. */
  figures: Figures.nullable().optional(),
  /** promised (not a next-update promise): null means no date. */
  due_at: Instant.nullable().optional(),
  /** promised: pending, kept or dropped (broken is derived from the clock); rumor: open, refuted or confirmed. */
  state: z.enum(['pending', 'kept', 'broken', 'dropped', 'open', 'refuted', 'confirmed']).optional(),
  /** promised: why it was dropped (required to drop one). */
  state_reason: Reason.nullable().optional(),
  /** rumor: the correction published. */
  correction: Body.nullable().optional(),
  /** key_message. */
  language: Language.optional(),
});
export type EditFactEntryInput = z.input<typeof EditFactEntryInput>;
type Edit = z.output<typeof EditFactEntryInput>;

const editable: Record<Exclude<FactKind, 'said'>, ReadonlyArray<keyof Edit>> = {
  known: ['text', 'source', 'noted_at', 'figures'],
  unconfirmed: ['text', 'source', 'noted_at'],
  promised: ['text', 'source', 'noted_at', 'due_at', 'state', 'state_reason'],
  rumor: ['text', 'source', 'noted_at', 'state', 'correction'],
  key_message: ['text', 'language', 'noted_at'],
};
const handPromiseStates = ['pending', 'kept', 'dropped'];

/** Corrects an entry of the sheet, or settles a promise or a rumor; what was said is never edited. */
export async function editFactEntry({ ctx, incidentId, entryId, input, expectedVersion }: {
  ctx: Ctx;
  incidentId: string;
  entryId: string;
  input: EditFactEntryInput;
  expectedVersion?: number;
}) {
  authorize(ctx, 'facts.edit');
  const data = stripUndefined(parseInput(EditFactEntryInput, input));
  return withTransaction(ctx, async (tx) => {
    const before = await lockEntry(tx, ctx, incidentId, entryId);
    checkVersion('fact entry', before.version, expectedVersion);
    const kind = before.kind;
    if (kind === 'said') throw saidIsReadOnly();
    if (before.withdrawn_at !== null) throw new ConflictError('fact-entry-withdrawn', 'This entry was withdrawn; it stays on the sheet as it was. Add a new entry instead.');
    const now = ctx.now();
    const changes = editFor(before, kind, data, now);
    const row = await tx
      .updateTable('fact_entries')
      .set({ ...changes, updated_at: now, version: before.version + 1 })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', entryId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const sheetVersion = await recordEntryChange(tx, ctx, 'fact_entry.edit', before, row);
    return presentWritten(tx, ctx, row, sheetVersion);
  });
}

/** The columns the edit sets, after every check for the entry's kind; all issues at once. */
function editFor(before: Row<'fact_entries'>, kind: Exclude<FactKind, 'said'>, data: Partial<Edit>, now: Date) {
  const fields = Object.keys(data) as Array<keyof Edit>;
  const issues: FieldIssue[] = [];
  if (fields.length === 0) issues.push({ pointer: '/', detail: 'nothing to change' });
  for (const field of fields) {
    if (!editable[kind].includes(field)) issues.push({ pointer: `/${field}`, detail: `a ${kind.replace('_', ' ')} entry has no ${field}` });
  }
  const future = futureIssue('noted_at', toDate(data.noted_at) ?? null, now);
  if (future) issues.push(future);
  if ((kind === 'known' || kind === 'unconfirmed' || kind === 'rumor') && data.source === null) issues.push({ pointer: '/source', detail: 'cannot be empty: say who says so' });

  const state = data.state;
  let stateReason = data.state_reason;
  if (kind === 'promised') {
    if (before.promise_kind === 'next_update' && (data.text !== undefined || data.due_at !== undefined)) {
      issues.push({ pointer: data.text !== undefined ? '/text' : '/due_at', detail: 'a next-update promise is what was published: only its state can change' });
    }
    if (state !== undefined && !handPromiseStates.includes(state)) issues.push({ pointer: '/state', detail: `must be pending, kept or dropped (a promise past due reads as broken by itself)` });
    if (state === 'dropped' && !stateReason) issues.push({ pointer: '/state_reason', detail: 'dropping a promise needs the reason, written' });
    // A reason belongs to the state it explains: a promise marked kept or reopened loses it.
    if (state !== undefined && state !== 'dropped' && stateReason === undefined) stateReason = null;
  }
  if (kind === 'rumor') {
    if (state !== undefined && !(rumorStates as readonly string[]).includes(state)) issues.push({ pointer: '/state', detail: 'must be open, refuted or confirmed' });
    const correction = data.correction === undefined ? before.correction : data.correction;
    if ((state ?? before.state) === 'refuted' && !correction) issues.push({ pointer: '/correction', detail: 'a refuted rumor needs the correction published (doctrine §7: correct it publicly)' });
  }
  if (issues.length > 0) throw new InvalidError(`The entry cannot be changed: ${issues.map((issue) => `${issue.pointer}: ${issue.detail}`).join('; ')}.`, issues);
  const set: Updateable<FactEntriesTable> = {};
  if (data.text !== undefined) set.text = data.text;
  if (data.source !== undefined) set.source = data.source;
  if (data.noted_at !== undefined) set.noted_at = new Date(data.noted_at);
  if (data.figures !== undefined) set.figures = data.figures === null ? null : JSON.stringify(data.figures);
  if (data.due_at !== undefined) set.due_at = toDate(data.due_at);
  if (state !== undefined) set.state = state;
  if (stateReason !== undefined) set.state_reason = stateReason;
  if (data.correction !== undefined) set.correction = data.correction;
  if (data.language !== undefined) set.language = data.language;
  return set;
}
