import { z } from 'zod';
import { socialNetworks, stages } from '../../domain/linter/types.ts';
import { channels } from '../../domain/message/stages.ts';
import { authorize, withTransaction, type Ctx } from '../context.ts';
import { Id, Instant, Language, parseInput, toDate } from '../schemas.ts';
import { AudienceId, fetchIncidentRow, loadCommsSettings } from './internal.ts';
import { factsAfter, lintVariant, loadLintSetting } from './message-view.ts';

export const LintDraftInput = z.strictObject({
  text: z.string().max(20_000),
  /** An e-mail's subject. */
  subject: z.string().max(1_000).optional(),
  language: Language,
  stage: z.enum(stages),
  audience: AudienceId,
  channel: z.enum(channels),
  network: z.enum(socialNetworks).optional(),
  /** The incident whose fact sheet the text is checked against. */
  incident_id: Id.optional(),
  /** The promised next update, for the suggested "next update at …". */
  next_update_at: Instant.optional(),
});
export type LintDraftInput = z.input<typeof LintDraftInput>;

/** The linter on text being typed: the workspace's rules and glossary, the incident's facts. */
export async function lintDraft({ ctx, input }: { ctx: Ctx; input: LintDraftInput }) {
  authorize(ctx, 'incident.read');
  const data = parseInput(LintDraftInput, input);
  return withTransaction(ctx, async (tx) => {
    const settings = await loadCommsSettings(tx, ctx.workspaceId);
    const setting = await loadLintSetting(tx, ctx, data.incident_id, settings);
    const facts = data.incident_id === undefined ? undefined : factsAfter(setting.facts, data.stage, (await fetchIncidentRow(tx, ctx, data.incident_id)).status);
    const variant = { audience: data.audience, language: data.language, channel: data.channel, network: data.network ?? null, subject: data.subject ?? null, body: data.text };
    const findings = lintVariant(variant, { stage: data.stage, siblings: [variant], setting: { ...setting, facts }, nextUpdateAt: toDate(data.next_update_at) ?? null, now: ctx.now() });
    return { findings };
  });
}
