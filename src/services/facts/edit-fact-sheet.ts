import { z } from 'zod';
import { InvalidError } from '../../domain/errors.ts';
import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';
import { AudienceId, loadCommsSettings, unknownAudienceIssues } from '../settings/comms-settings.ts';
import { loadFactSheet } from './get-fact-sheet.ts';
import { fetchIncident } from './internal.ts';
import { touchFactSheet } from './sheet-row.ts';

export const EditFactSheetInput = z.strictObject({
  /** Doctrine §6: a breach starts the 72 h notification clock and the breach rules of the linter. */
  personal_data_breach: z.boolean().optional(),
  /** The whole set of audiences concerned (ids from the communication settings). */
  audiences: z
    .array(AudienceId)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'lists the same audience twice')
    .optional(),
});
export type EditFactSheetInput = z.input<typeof EditFactSheetInput>;

/** Sets what the sheet holds besides its entries: the breach flag and the audiences concerned. */
export async function editFactSheet({ ctx, incidentId, input, expectedVersion }: { ctx: Ctx; incidentId: string; input: EditFactSheetInput; expectedVersion?: number }) {
  authorize(ctx, 'facts.edit');
  const data = parseInput(EditFactSheetInput, input);
  if (data.personal_data_breach === undefined && data.audiences === undefined) {
    throw new InvalidError('Nothing to change: send personal_data_breach or audiences.', [{ pointer: '/', detail: 'nothing to change' }]);
  }
  return withTransaction(ctx, async (tx) => {
    await fetchIncident(tx, ctx, incidentId);
    // A sheet never changed is created at version 0, the version its readers were shown, then locked.
    await tx
      .insertInto('fact_sheets')
      .values({ workspace_id: ctx.workspaceId, incident_id: incidentId, created_at: ctx.now(), updated_at: ctx.now(), version: 0 })
      .onConflict((conflict) => conflict.columns(['workspace_id', 'incident_id']).doNothing())
      .execute();
    const before = await tx.selectFrom('fact_sheets').selectAll().where('workspace_id', '=', ctx.workspaceId).where('incident_id', '=', incidentId).forUpdate().executeTakeFirstOrThrow();
    checkVersion('fact sheet', before.version, expectedVersion);
    if (data.audiences) {
      const issues = unknownAudienceIssues(data.audiences, await loadCommsSettings(tx, ctx.workspaceId), '/audiences');
      if (issues.length > 0) throw new InvalidError(`The fact sheet cannot be saved: ${issues.map((issue) => `${issue.pointer}: ${issue.detail}`).join('; ')}.`, issues);
    }
    await tx
      .updateTable('fact_sheets')
      .set({ personal_data_breach: data.personal_data_breach ?? before.personal_data_breach, audiences: data.audiences ?? before.audiences })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('incident_id', '=', incidentId)
      .execute();
    const version = await touchFactSheet(tx, ctx, incidentId, ctx.now());
    const fields = (sheet: { personal_data_breach: boolean; audiences: string[] }, v: number) => ({ incident_id: incidentId, personal_data_breach: sheet.personal_data_breach, audiences: sheet.audiences, version: v });
    await recordAudit(tx, ctx, {
      action: 'fact_sheet.edit',
      entityType: 'fact_sheet',
      entityId: incidentId,
      before: fields(before, before.version),
      after: fields({ personal_data_breach: data.personal_data_breach ?? before.personal_data_breach, audiences: data.audiences ?? before.audiences }, version),
    });
    return loadFactSheet(tx, ctx, incidentId);
  });
}
