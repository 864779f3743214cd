import { z } from 'zod';
import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';
import { GlossaryTermFields, assertGlossaryTermFits, fetchGlossaryTerm, glossaryTermTaken, isUniqueViolation, presentGlossaryTerm } from './internal.ts';

export const UpdateGlossaryTermInput = z.strictObject({
  term: GlossaryTermFields.term.optional(),
  plain: GlossaryTermFields.plain.optional(),
  language: GlossaryTermFields.language.optional(),
  audiences: GlossaryTermFields.audiences.optional(),
});
export type UpdateGlossaryTermInput = z.input<typeof UpdateGlossaryTermInput>;

export async function updateGlossaryTerm({ ctx, id, input, expectedVersion }: { ctx: Ctx; id: string; input: UpdateGlossaryTermInput; expectedVersion?: number }) {
  authorize(ctx, 'settings.manage');
  const data = parseInput(UpdateGlossaryTermInput, input);
  return withTransaction(ctx, async (tx) => {
    const before = await fetchGlossaryTerm(tx, ctx, id);
    checkVersion('glossary term', before.version, expectedVersion);
    const next = { term: data.term ?? before.term, plain: data.plain ?? before.plain, language: data.language ?? before.language, audiences: data.audiences ?? before.audiences };
    await assertGlossaryTermFits(tx, ctx, { id, ...next });
    const row = await tx
      .updateTable('glossary_terms')
      .set({ ...next, updated_at: ctx.now(), version: before.version + 1 })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? glossaryTermTaken(next.term, next.language) : error;
      });
    const after = presentGlossaryTerm(row);
    await recordAudit(tx, ctx, { action: 'glossary_term.update', entityType: 'glossary_term', entityId: id, before: presentGlossaryTerm(before), after });
    return after;
  });
}
