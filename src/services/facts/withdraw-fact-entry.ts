import { z } from 'zod';
import { ConflictError } from '../../domain/errors.ts';
import { authorize, checkVersion, withTransaction, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';
import { Reason, lockEntry, presentWritten, recordEntryChange, saidIsReadOnly } from './internal.ts';

export const WithdrawFactEntryInput = z.strictObject({
  /** Why it no longer stands (entered by mistake, superseded): kept in the audit log and shown on the sheet. */
  reason: Reason,
});
export type WithdrawFactEntryInput = z.input<typeof WithdrawFactEntryInput>;

/** Takes an entry off the live sheet; it stays listed as withdrawn, with who, when and why. */
export async function withdrawFactEntry({ ctx, incidentId, entryId, input, expectedVersion }: {
  ctx: Ctx;
  incidentId: string;
  entryId: string;
  input: WithdrawFactEntryInput;
  expectedVersion?: number;
}) {
  authorize(ctx, 'facts.edit');
  const { reason } = parseInput(WithdrawFactEntryInput, input);
  return withTransaction(ctx, async (tx) => {
    const before = await lockEntry(tx, ctx, incidentId, entryId);
    checkVersion('fact entry', before.version, expectedVersion);
    if (before.kind === 'said') throw saidIsReadOnly();
    if (before.withdrawn_at !== null) throw new ConflictError('fact-entry-withdrawn', `This entry was already withdrawn at ${before.withdrawn_at.toISOString()}.`);
    const now = ctx.now();
    const row = await tx
      .updateTable('fact_entries')
      .set({ withdrawn_at: now, updated_at: now, version: before.version + 1 })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', entryId)
      .returningAll()
      .executeTakeFirstOrThrow();
    // The schema has no column for the reason: the audit row is its record, and the sheet reads it back.
    const sheetVersion = await recordEntryChange(tx, ctx, 'fact_entry.withdraw', before, row, { withdrawn_reason: reason });
    return presentWritten(tx, ctx, row, sheetVersion);
  });
}
