import { z } from 'zod';
import { newId } from '../../domain/ids.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';
import { TemplateFields, assertTemplateFits, isUniqueViolation, presentTemplate, templateSlotTaken } from './internal.ts';

export const CreateTemplateInput = z.strictObject({ ...TemplateFields, audience: TemplateFields.audience.default(null), subject: TemplateFields.subject.default(null) });
export type CreateTemplateInput = z.input<typeof CreateTemplateInput>;

/** Adds a workspace template for a slot (stage, language, channel, audience); built-ins fill the others. */
export async function createTemplate({ ctx, input }: { ctx: Ctx; input: CreateTemplateInput }) {
  authorize(ctx, 'settings.manage');
  const data = parseInput(CreateTemplateInput, input);
  return withTransaction(ctx, async (tx) => {
    await assertTemplateFits(tx, ctx, data);
    const now = ctx.now();
    const row = await tx
      .insertInto('message_templates')
      .values({ workspace_id: ctx.workspaceId, id: newId(), ...data, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? templateSlotTaken(data) : error;
      });
    const template = presentTemplate(row);
    await recordAudit(tx, ctx, { action: 'message_template.create', entityType: 'message_template', entityId: row.id, after: template });
    return template;
  });
}
