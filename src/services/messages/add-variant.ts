import { z } from 'zod';
import type { Row } from '../../adapters/db/schema.ts';
import { ConflictError, InvalidError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { socialNetworks } from '../../domain/linter/types.ts';
import { channels } from '../../domain/message/stages.ts';
import { actorColumns, authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Language, parseInput } from '../schemas.ts';
import { AudienceId, assertNotPublished, draftSlot, fetchIncidentRow, fetchMessage, fetchVariants, loadCommsSettings, loadFillFacts, touchMessage, unknownAudienceIssues, stageOf } from './internal.ts';
import { lintVariants, messageLintSetting, presentVariant } from './message-view.ts';

export const AddVariantInput = z.strictObject({
  audience: AudienceId,
  language: Language,
  channel: z.enum(channels),
  network: z.enum(socialNetworks).optional(),
});
export type AddVariantInput = z.input<typeof AddVariantInput>;

/** Adds a variant, drafted from its template like the others; approvals given before no longer count. */
export async function addVariant({ ctx, messageId, input }: { ctx: Ctx; messageId: string; input: AddVariantInput }) {
  authorize(ctx, 'message.write');
  const data = parseInput(AddVariantInput, input);
  return withTransaction(ctx, async (tx) => {
    const message = await fetchMessage(tx, ctx, messageId, true);
    assertNotPublished(message);
    const settings = await loadCommsSettings(tx, ctx.workspaceId);
    const issues = unknownAudienceIssues([data.audience], settings, () => '/audience');
    if (data.network !== undefined && data.channel !== 'social') issues.push({ pointer: '/network', detail: 'only a social variant has a network' });
    if (issues.length > 0) throw new InvalidError(`The variant cannot be added: ${issues.map((i) => `${i.pointer}: ${i.detail}`).join('; ')}.`, issues);
    const variants = await fetchVariants(tx, ctx, [messageId]);
    if (variants.some((v) => v.audience === data.audience && v.language === data.language && v.channel === data.channel)) {
      throw new ConflictError('variant-exists', `The message already has a ${data.channel} variant in ${data.language} for ${data.audience}: edit that one.`);
    }
    const incident = await fetchIncidentRow(tx, ctx, message.incident_id);
    const network = data.channel === 'social' ? (data.network ?? null) : null;
    const slot = { stage: stageOf(message), audience: data.audience, language: data.language, channel: data.channel, network };
    const draft = await draftSlot(tx, ctx, slot, await loadFillFacts(tx, ctx, incident, message.next_update_at));
    const now = ctx.now();
    const editor = actorColumns(ctx.actor);
    const variant: Row<'message_variants'> = {
      workspace_id: ctx.workspaceId,
      id: newId(),
      message_id: messageId,
      audience: data.audience,
      language: data.language,
      channel: data.channel,
      network,
      subject: draft.subject,
      body: draft.body,
      editor_type: editor.author_type,
      editor_id: editor.author_id,
      editor_name: editor.author_name,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await tx.insertInto('message_variants').values(variant).execute();
    const touched = await touchMessage(tx, ctx, message);
    await recordAudit(tx, ctx, { action: 'message.add_variant', entityType: 'message', entityId: messageId, after: presentVariant(variant, []) });
    const all = [...variants, variant];
    const findings = lintVariants(touched, all, await messageLintSetting(tx, ctx, touched, settings), now);
    return presentVariant(variant, findings.get(variant.id) ?? []);
  });
}
