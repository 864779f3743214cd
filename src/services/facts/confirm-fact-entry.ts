import { z } from 'zod';
import { ConflictError, InvalidError } from '../../domain/errors.ts';
import { futureIssue } from '../../domain/incident/times.ts';
import { authorize, checkVersion, withTransaction, type Ctx } from '../context.ts';
import { Body, Instant, parseInput } from '../schemas.ts';
import { Figures, Source, lockEntry, presentWritten, recordEntryChange } from './internal.ts';

export const ConfirmFactEntryInput = z.strictObject({
  /** Who confirmed it; default: the hypothesis's source. */
  source: Source.optional(),
  /** The confirmed wording, when it differs from the hypothesis. */
  text: Body.optional(),
  /** When it was confirmed; default now. */
  noted_at: Instant.optional(),
  figures: Figures.optional(),
});
export type ConfirmFactEntryInput = z.input<typeof ConfirmFactEntryInput>;

/**
 * A hypothesis is confirmed: the same entry becomes a known fact, dated when confirmed. What it
 * said before, and who confirmed it, stay in its history.
 */
export async function confirmFactEntry({ ctx, incidentId, entryId, input = {}, expectedVersion }: {
  ctx: Ctx;
  incidentId: string;
  entryId: string;
  input?: ConfirmFactEntryInput;
  expectedVersion?: number;
}) {
  authorize(ctx, 'facts.edit');
  const data = parseInput(ConfirmFactEntryInput, input);
  const now = ctx.now();
  const notedAt = data.noted_at === undefined ? now : new Date(data.noted_at);
  const future = futureIssue('noted_at', notedAt, now);
  if (future) throw new InvalidError(`A fact cannot be confirmed in the future: ${future.detail}.`, [future]);
  return withTransaction(ctx, async (tx) => {
    const before = await lockEntry(tx, ctx, incidentId, entryId);
    checkVersion('fact entry', before.version, expectedVersion);
    if (before.withdrawn_at !== null) throw new ConflictError('fact-entry-withdrawn', 'This hypothesis was withdrawn; add the fact as a new known entry.');
    if (before.kind !== 'unconfirmed') throw new ConflictError('fact-entry-not-unconfirmed', `Only a hypothesis (unconfirmed) can be confirmed; this entry is ${before.kind}.`);
    const row = await tx
      .updateTable('fact_entries')
      .set({
        kind: 'known',
        text: data.text ?? before.text,
        source: data.source ?? before.source,
        noted_at: notedAt,
        figures: data.figures ? JSON.stringify(data.figures) : null,
        updated_at: now,
        version: before.version + 1,
      })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', entryId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const sheetVersion = await recordEntryChange(tx, ctx, 'fact_entry.confirm', before, row);
    return presentWritten(tx, ctx, row, sheetVersion);
  });
}
