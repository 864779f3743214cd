import { z } from 'zod';
import type { Language, Row } from '../../adapters/db/schema.ts';
import { correctionDrafts, correctionRefusal, textIn, type Texts } from '../../domain/corrections/correction.ts';
import { ConflictError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { fetchIncident } from '../incident/fetch-incident.ts';
import { createMessage } from '../messages/create-message.ts';
import { Body, Id, parseInput } from '../schemas.ts';
import { loadCommsSettings } from '../settings/comms-settings.ts';
import { fetchRumor, presentCorrection, rumorStateOf } from './internal.ts';

export const notPublic = 'The incident is not on the status page yet: publish its first message, then correct the rumor where people can read it.';

const Text = Body.pipe(z.string().max(2_000));
const PerLanguage = z.strictObject({ fr: Text.optional(), en: Text.optional() });

export const CreateCorrectionInput = z
  .strictObject({
    /** The rumor of the incident's fact sheet this corrects. */
    rumor_id: Id,
    /** What was said, as people read it; one text for every language, or one per language. (Default: the rumor's text) */
    said: z.union([Text, PerLanguage]).optional(),
    /** What is true, per language: the message is drafted in these languages. */
    truth: PerLanguage.refine((truth) => Boolean(truth.fr || truth.en), 'say what is true, in French, English or both'),
    /** Other channels besides the status page: an e-mail to the page's subscribers, a social post to put out by hand. */
    channels: z.array(z.enum(['email', 'social'])).max(2).refine((list) => new Set(list).size === list.length, 'lists the same channel twice').default([]),
    /** Whether publishing notifies the page's subscribers. (Default: when an e-mail variant is asked for) */
    notify_subscribers: z.boolean().optional(),
  })
  .superRefine((data, check) => {
    if (typeof data.said === 'object') {
      for (const language of ['fr', 'en'] as const) {
        if (data.said[language] && !data.truth[language]) check.addIssue({ code: 'custom', path: ['said', language], message: `what was said in ${language} needs what is true in ${language}` });
      }
    }
  });
export type CreateCorrectionInput = z.input<typeof CreateCorrectionInput>;

/**
 * Writes a correction of a rumor: a rumor_correction message with a status-page variant per
 * language (what is true), drafted and left for review like any message, and the correction that
 * links it to the rumor. Publishing the message puts it in the page's corrections log.
 */
export async function createCorrection({ ctx, incidentId, input }: { ctx: Ctx; incidentId: string; input: CreateCorrectionInput }) {
  authorize(ctx, 'message.write');
  const data = parseInput(CreateCorrectionInput, input);
  return withTransaction(ctx, async (tx) => {
    const incident = await fetchIncident(tx, ctx, incidentId);
    const rumor = await fetchRumor(tx, ctx, incidentId, data.rumor_id, true);
    const pending = await tx
      .selectFrom('corrections')
      .select('message_id')
      .where('workspace_id', '=', ctx.workspaceId)
      .where('rumor_entry_id', '=', rumor.id)
      .where('published_at', 'is', null)
      .executeTakeFirst();
    const refusal = correctionRefusal({ state: rumorStateOf(rumor), isWithdrawn: rumor.withdrawn_at !== null }, pending?.message_id ?? null);
    if (refusal) throw new ConflictError(refusal.reason, refusal.detail);
    if (incident.public_at === null) throw new ConflictError('incident-not-public', notPublic);

    const languages = (['fr', 'en'] as const).filter((language) => data.truth[language]);
    const truth: Texts = Object.fromEntries(languages.map((language) => [language, data.truth[language]!]));
    const said: Texts = Object.fromEntries(languages.map((language) => [language, typeof data.said === 'string' ? data.said : (data.said ? textIn(data.said, language) : undefined) ?? rumor.text]));
    const settings = await loadCommsSettings(tx, ctx.workspaceId);

    const message = await createMessage({
      ctx: { ...ctx, tx },
      incidentId,
      input: {
        stage: 'rumor_correction',
        audiences: [settings.status_page_audience],
        languages,
        channels: ['status_page', ...data.channels],
        notify_subscribers: data.notify_subscribers ?? data.channels.includes('email'),
      },
    });
    // The templates fill a correction from the newest open rumor: this one's texts replace them.
    for (const variant of message.variants) {
      const language = variant.language as Language;
      const drafts = correctionDrafts({ said: said[language]!, truth: truth[language]!, language, incidentName: incident.name });
      const text = variant.channel === 'email' ? drafts.email : { subject: null, body: variant.channel === 'social' ? drafts.social : drafts.page };
      await tx.updateTable('message_variants').set({ subject: text.subject, body: text.body }).where('workspace_id', '=', ctx.workspaceId).where('id', '=', variant.id).execute();
    }

    const row: Row<'corrections'> = {
      workspace_id: ctx.workspaceId,
      id: newId(),
      incident_id: incidentId,
      rumor_entry_id: rumor.id,
      message_id: message.id,
      said,
      truth,
      published_truth: null,
      published_at: null,
      created_by_id: ctx.actor.type === 'system' ? null : ctx.actor.id,
      created_by_name: ctx.actor.name,
      created_at: ctx.now(),
      updated_at: ctx.now(),
      version: 1,
    };
    await tx.insertInto('corrections').values({ ...row, said: JSON.stringify(said), truth: JSON.stringify(truth), published_truth: null }).execute();
    const correction = presentCorrection(row, { state: 'draft' });
    await recordAudit(tx, ctx, { action: 'correction.create', entityType: 'correction', entityId: row.id, after: correction });
    return correction;
  });
}
