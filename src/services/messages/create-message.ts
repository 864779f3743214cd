import { z } from 'zod';
import type { Row } from '../../adapters/db/schema.ts';
import { InvalidError, type FieldIssue } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { socialNetworks } from '../../domain/linter/types.ts';
import { defaultNextUpdateAt } from '../../domain/message/next-update.ts';
import { channels, incidentStages, isFinal, needsNextUpdate, type Stage } from '../../domain/message/stages.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Instant, Language, parseInput, toDate } from '../schemas.ts';
import { AudienceId, draftSlot, fetchIncidentRow, loadCommsSettings, loadFillFacts, unknownAudienceIssues } from './internal.ts';
import { loadMessage } from './message-view.ts';

const unique = <T>(items: T[]) => new Set(items).size === items.length;

export const CreateMessageInput = z.strictObject({
  stage: z.enum(incidentStages),
  /** One variant per audience × language × channel. */
  audiences: z.array(AudienceId).min(1).max(10).refine(unique, 'lists the same audience twice'),
  languages: z.array(Language).min(1).max(2).refine(unique, 'lists the same language twice'),
  channels: z.array(z.enum(channels)).min(1).max(channels.length).refine(unique, 'lists the same channel twice'),
  /** The network of the social variants (default: the strictest length, X's). */
  network: z.enum(socialNetworks).optional(),
  /** When the next update is promised; by default now plus the cadence of the incident's impact, for a message that needs one. */
  next_update_at: Instant.nullable().optional(),
  /** Whether publishing notifies the status page's subscribers. (Default: true) */
  notify_subscribers: z.boolean().default(true),
});
export type CreateMessageInput = z.input<typeof CreateMessageInput>;

/** Drafts a message for an incident: every variant starts from its template, filled from the fact sheet. */
export async function createMessage({ ctx, incidentId, input }: { ctx: Ctx; incidentId: string; input: CreateMessageInput }) {
  authorize(ctx, 'message.write');
  const data = parseInput(CreateMessageInput, input);
  return withTransaction(ctx, async (tx) => {
    const incident = await fetchIncidentRow(tx, ctx, incidentId);
    const settings = await loadCommsSettings(tx, ctx.workspaceId);
    const now = ctx.now();
    const issues: FieldIssue[] = unknownAudienceIssues(data.audiences, settings, (i) => `/audiences/${i}`);
    const nextUpdateAt = data.next_update_at === undefined ? (needsNextUpdate(data.stage) ? defaultNextUpdateAt(now, incident.impact, settings.cadence) : null) : (toDate(data.next_update_at) ?? null);
    issues.push(...nextUpdateIssues(data.stage, nextUpdateAt, now));
    if (issues.length > 0) throw new InvalidError(`The message cannot be created: ${issues.map((i) => `${i.pointer}: ${i.detail}`).join('; ')}.`, issues);

    const message: Row<'messages'> = {
      workspace_id: ctx.workspaceId,
      id: newId(),
      incident_id: incident.id,
      stage: data.stage,
      state: 'draft',
      next_update_at: nextUpdateAt,
      notify_subscribers: data.notify_subscribers,
      emergency: false,
      emergency_reason: null,
      author_type: ctx.actor.type,
      author_id: ctx.actor.type === 'system' ? null : ctx.actor.id,
      author_name: ctx.actor.name,
      created_at: now,
      updated_at: now,
      published_at: null,
      published_by_name: null,
      incident_update_id: null,
      version: 1,
    };
    await tx.insertInto('messages').values(message).execute();
    const facts = await loadFillFacts(tx, ctx, incident, nextUpdateAt);
    const variants: Row<'message_variants'>[] = [];
    for (const audience of data.audiences) {
      for (const language of data.languages) {
        for (const channel of data.channels) {
          const network = channel === 'social' ? (data.network ?? null) : null;
          const draft = await draftSlot(tx, ctx, { stage: data.stage, audience, language, channel, network }, facts);
          variants.push({
            workspace_id: ctx.workspaceId,
            id: newId(),
            message_id: message.id,
            audience,
            language,
            channel,
            network,
            subject: draft.subject,
            body: draft.body,
            editor_type: message.author_type,
            editor_id: message.author_id,
            editor_name: message.author_name,
            created_at: now,
            updated_at: now,
            version: 1,
          });
        }
      }
    }
    await tx.insertInto('message_variants').values(variants).execute();
    const presented = await loadMessage(tx, ctx, message);
    await recordAudit(tx, ctx, { action: 'message.create', entityType: 'message', entityId: message.id, after: { ...presented, variants: presented.variants.map(({ findings: _, ...v }) => v) } });
    return presented;
  });
}

/** Doctrine §1: a running incident's public message promises its next update, later than now; a final one promises none. */
export function nextUpdateIssues(stage: Stage, nextUpdateAt: Date | null, now: Date): FieldIssue[] {
  if (nextUpdateAt === null) return needsNextUpdate(stage) ? [{ pointer: '/next_update_at', detail: `a ${stage} message announces its next update` }] : [];
  if (isFinal(stage)) return [{ pointer: '/next_update_at', detail: `a ${stage} message ends the incident's updates: it promises no next one` }];
  if (nextUpdateAt <= now) return [{ pointer: '/next_update_at', detail: 'must be later than now' }];
  return [];
}
