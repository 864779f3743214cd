import { z } from 'zod';
import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';
import { TemplateFields, assertTemplateFits, fetchTemplate, isUniqueViolation, presentTemplate, templateSlotTaken } from './internal.ts';

export const UpdateTemplateInput = z.strictObject({
  stage: TemplateFields.stage.optional(),
  language: TemplateFields.language.optional(),
  channel: TemplateFields.channel.optional(),
  audience: TemplateFields.audience.optional(),
  subject: TemplateFields.subject.optional(),
  body: TemplateFields.body.optional(),
});
export type UpdateTemplateInput = z.input<typeof UpdateTemplateInput>;

export async function updateTemplate({ ctx, id, input, expectedVersion }: { ctx: Ctx; id: string; input: UpdateTemplateInput; expectedVersion?: number }) {
  authorize(ctx, 'settings.manage');
  const data = parseInput(UpdateTemplateInput, input);
  return withTransaction(ctx, async (tx) => {
    const before = await fetchTemplate(tx, ctx, id);
    checkVersion('template', before.version, expectedVersion);
    const next = {
      stage: data.stage ?? before.stage,
      language: data.language ?? before.language,
      channel: data.channel ?? before.channel,
      audience: data.audience === undefined ? before.audience : data.audience,
      subject: data.subject === undefined ? before.subject : data.subject,
      body: data.body ?? before.body,
    };
    await assertTemplateFits(tx, ctx, { id, ...next });
    const row = await tx
      .updateTable('message_templates')
      .set({ ...next, updated_at: ctx.now(), version: before.version + 1 })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? templateSlotTaken(next) : error;
      });
    const after = presentTemplate(row);
    await recordAudit(tx, ctx, { action: 'message_template.update', entityType: 'message_template', entityId: id, before: presentTemplate(before), after });
    return after;
  });
}
