import { z } from 'zod';
import { buildClosingDraft } from '../../domain/closing/draft.ts';
import { InvalidError } from '../../domain/errors.ts';
import { channels } from '../../domain/message/stages.ts';
import { authorize, withTransaction, type Ctx } from '../context.ts';
import { Language, parseInput } from '../schemas.ts';
import { loadCommsSettings } from '../settings/comms-settings.ts';
import { loadClosingFacts } from './closing-facts.ts';

export const GetClosingDraftInput = z.strictObject({
  /** Default: the status page's audience. */
  audience: z.string().max(40).optional(),
  /** Default: the workspace's language. */
  language: Language.optional(),
  channel: z.enum(channels).default('email'),
});
export type GetClosingDraftInput = z.input<typeof GetClosingDraftInput>;

/** The structured closing message for one audience and language, as it would be drafted now; nothing is written. */
export async function getClosingDraft({ ctx, incidentId, input = {} }: { ctx: Ctx; incidentId: string; input?: GetClosingDraftInput }) {
  authorize(ctx, 'facts.read');
  const data = parseInput(GetClosingDraftInput, input);
  return withTransaction(ctx, async (tx) => {
    const facts = await loadClosingFacts(tx, ctx, incidentId);
    const settings = await loadCommsSettings(tx, ctx.workspaceId);
    const audienceId = data.audience ?? settings.status_page_audience;
    const audience = settings.audiences.find((a) => a.id === audienceId);
    if (!audience) throw new InvalidError(`No audience "${audienceId}" in this workspace (there are: ${settings.audiences.map((a) => a.id).join(', ')}).`, [{ pointer: '/audience', detail: 'not an audience of the workspace' }]);
    const language = data.language ?? (await tx.selectFrom('workspaces').select('default_language').where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow()).default_language;
    return { incident_id: incidentId, ...buildClosingDraft(facts, { audience: audience.id, language, channel: data.channel, isLay: audience.lay }) };
  });
}
