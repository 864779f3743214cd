import { z } from 'zod';
import { ConflictError } from '../../domain/errors.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { addFactEntry } from '../facts/add-fact-entry.ts';
import { Body, Id, parseInput } from '../schemas.ts';
import { fetchMention, presentMention } from './internal.ts';

export const TurnMentionIntoRumorInput = z.strictObject({
  /** The incident whose fact sheet gets the rumor. */
  incident_id: Id,
  /** The claim as it circulates, if it reads better shortened. (Default: the mention's text) */
  text: Body.optional(),
});
export type TurnMentionIntoRumorInput = z.input<typeof TurnMentionIntoRumorInput>;

/**
 * Records a mention as an open rumor on an incident's fact sheet (doctrine §7: what circulates is
 * corrected publicly), its source being who said it and where; the mention links to the entry.
 */
export async function turnMentionIntoRumor({ ctx, id, input }: { ctx: Ctx; id: string; input: TurnMentionIntoRumorInput }) {
  authorize(ctx, 'listening.manage');
  authorize(ctx, 'facts.edit');
  const data = parseInput(TurnMentionIntoRumorInput, input);
  const now = ctx.now();
  return withTransaction(ctx, async (tx) => {
    const mention = await fetchMention(tx, ctx, id, true);
    if (mention.state !== 'new') throw new ConflictError('mention-decided', `This mention was already ${mention.state === 'rumor' ? 'turned into a rumor' : 'dismissed'}${mention.decided_by_name ? ` by ${mention.decided_by_name}` : ''}.`);
    const entry = await addFactEntry({
      ctx: { ...ctx, tx },
      incidentId: data.incident_id,
      input: { kind: 'rumor', text: data.text ?? mention.text, source: sourceLine(mention.author, mention.url, mention.source_name), noted_at: mention.published_at.toISOString() },
    });
    const row = await tx
      .updateTable('mentions')
      .set({ state: 'rumor', incident_id: data.incident_id, rumor_entry_id: entry.id, decided_at: now, decided_by_name: ctx.actor.name })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'mention.rumor', entityType: 'mention', entityId: id, before: { state: mention.state }, after: { state: row.state, incident_id: data.incident_id, rumor_entry_id: entry.id } });
    return { mention: presentMention(row), entry };
  });
}

/** Who said it and where, within the fact sheet's 500 characters for a source. */
function sourceLine(author: string | null, url: string | null, sourceName: string): string {
  const where = url ?? sourceName;
  const who = author ?? sourceName;
  const line = `${who} — ${where}`;
  return line.length <= 500 ? line : `${who.slice(0, Math.max(0, 500 - where.length - 4))}… — ${where}`.slice(0, 500);
}
