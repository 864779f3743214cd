import { z } from 'zod';
import { buildClosingDraft } from '../../domain/closing/draft.ts';
import { socialNetworks } from '../../domain/linter/types.ts';
import { channels } from '../../domain/message/stages.ts';
import { authorize, withTransaction, type Ctx } from '../context.ts';
import { createMessage } from '../messages/create-message.ts';
import { editVariant } from '../messages/edit-variant.ts';
import { getMessage } from '../messages/get-message.ts';
import { Language, parseInput } from '../schemas.ts';
import { loadCommsSettings } from '../settings/comms-settings.ts';
import { loadClosingFacts } from './closing-facts.ts';
import { loadBlockers, presentBlocker } from './internal.ts';

const unique = <T>(items: T[]) => new Set(items).size === items.length;

export const CreateClosingMessageInput = z.strictObject({
  audiences: z.array(z.string().max(40)).min(1).max(10).refine(unique, 'lists the same audience twice'),
  languages: z.array(Language).min(1).max(2).refine(unique, 'lists the same language twice'),
  channels: z.array(z.enum(channels)).min(1).max(channels.length).refine(unique, 'lists the same channel twice'),
  network: z.enum(socialNetworks).optional(),
  /** Whether publishing notifies the status page's subscribers. (Default: true) */
  notify_subscribers: z.boolean().default(true),
});
export type CreateClosingMessageInput = z.input<typeof CreateClosingMessageInput>;

/**
 * Drafts the closing message (stage `closing`): one variant per audience × language × channel,
 * written from the closing's structure, then linted, reviewed, approved and published as any
 * message. Its publish is refused while a promise is pending: `blockers` says which, already now.
 */
export async function createClosingMessage({ ctx, incidentId, input }: { ctx: Ctx; incidentId: string; input: CreateClosingMessageInput }) {
  authorize(ctx, 'message.write');
  const data = parseInput(CreateClosingMessageInput, input);
  return withTransaction(ctx, async (tx) => {
    const inner = { ...ctx, tx };
    const created = await createMessage({ ctx: inner, incidentId, input: { stage: 'closing', audiences: data.audiences, languages: data.languages, channels: data.channels, network: data.network, notify_subscribers: data.notify_subscribers } });
    const [facts, settings] = await Promise.all([loadClosingFacts(tx, ctx, incidentId), loadCommsSettings(tx, ctx.workspaceId)]);
    for (const variant of created.variants) {
      // An SMS or a post keeps its short template text (the workspace's own, if it has one).
      if (variant.channel === 'sms' || variant.channel === 'social') continue;
      const isLay = settings.audiences.find((a) => a.id === variant.audience)?.lay ?? true;
      const draft = buildClosingDraft(facts, { audience: variant.audience, language: variant.language, channel: variant.channel, isLay });
      await editVariant({ ctx: inner, messageId: created.id, variantId: variant.id, input: { body: draft.body, ...(draft.subject !== null && variant.channel === 'email' ? { subject: draft.subject } : {}) } });
    }
    const message = await getMessage({ ctx: inner, id: created.id });
    return { ...message, blockers: (await loadBlockers(tx, ctx, incidentId, true)).map(presentBlocker) };
  });
}
