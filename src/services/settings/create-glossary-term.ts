import { z } from 'zod';
import { newId } from '../../domain/ids.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';
import { GlossaryTermFields, assertGlossaryTermFits, glossaryTermTaken, isUniqueViolation, presentGlossaryTerm } from './internal.ts';

export const CreateGlossaryTermInput = z.strictObject({ ...GlossaryTermFields, audiences: GlossaryTermFields.audiences.default([]) });
export type CreateGlossaryTermInput = z.input<typeof CreateGlossaryTermInput>;

/** Adds a jargon term and its plain replacement; the linter suggests it to the audiences concerned. */
export async function createGlossaryTerm({ ctx, input }: { ctx: Ctx; input: CreateGlossaryTermInput }) {
  authorize(ctx, 'settings.manage');
  const data = parseInput(CreateGlossaryTermInput, input);
  return withTransaction(ctx, async (tx) => {
    await assertGlossaryTermFits(tx, ctx, data);
    const now = ctx.now();
    const row = await tx
      .insertInto('glossary_terms')
      .values({ workspace_id: ctx.workspaceId, id: newId(), ...data, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? glossaryTermTaken(data.term, data.language) : error;
      });
    const term = presentGlossaryTerm(row);
    await recordAudit(tx, ctx, { action: 'glossary_term.create', entityType: 'glossary_term', entityId: row.id, after: term });
    return term;
  });
}
