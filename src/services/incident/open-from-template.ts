import { z } from 'zod';
import { NotFoundError, TocsinError } from '../../domain/errors.ts';
import { findIncidentTemplate } from '../../domain/incident/templates.ts';
import { auditRow, authorize, withTransaction, type Ctx } from '../context.ts';
import { addFactEntry } from '../facts/add-fact-entry.ts';
import { editFactSheet } from '../facts/edit-fact-sheet.ts';
import { Id, Instant, Name, parseInput } from '../schemas.ts';
import { getIncident } from './get-incident.ts';
import { ComponentIds } from './internal.ts';
import { openIncident } from './open-incident.ts';

export const OpenFromTemplateInput = z.strictObject({
  /** Default: the template's suggested name, in the workspace's language. */
  name: Name.optional(),
  component_ids: ComponentIds.optional(),
  referent_id: Id.nullable().optional(),
  detected_at: Instant.nullable().optional(),
  occurred_at: Instant.nullable().optional(),
});
export type OpenFromTemplateInput = z.input<typeof OpenFromTemplateInput>;

/**
 * Declares an incident from a template, internally (nothing public until its first message is
 * published), with its fact sheet started in the same transaction: the breach flag for a data
 * breach, and the template's key messages in French and English.
 */
export async function openFromTemplate({ ctx, key, input }: { ctx: Ctx; key: string; input: OpenFromTemplateInput }) {
  authorize(ctx, 'incident.open');
  const template = findIncidentTemplate(key);
  if (!template) throw new NotFoundError('incident-template', key);
  if (template.kind === 'maintenance') {
    throw new TocsinError('invalid', 'template-opens-a-maintenance', 'The maintenance template schedules a maintenance, not an incident: use POST /api/admin/maintenances with its window.');
  }
  const data = parseInput(OpenFromTemplateInput, input ?? {});
  return withTransaction(ctx, async (tx) => {
    const inner = { ...ctx, tx };
    const workspace = await tx.selectFrom('workspaces').select('default_language').where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow();
    const opened = await openIncident({
      ctx: inner,
      input: {
        name: data.name ?? template.suggestedName[workspace.default_language],
        impact: template.impact,
        component_ids: data.component_ids ?? [],
        referent_id: data.referent_id,
        detected_at: data.detected_at,
        occurred_at: data.occurred_at,
      },
    });
    if (template.isPersonalDataBreach) await editFactSheet({ ctx: inner, incidentId: opened.id, input: { personal_data_breach: true } });
    for (const message of template.keyMessages) {
      for (const language of ['fr', 'en'] as const) await addFactEntry({ ctx: inner, incidentId: opened.id, input: { kind: 'key_message', text: message[language], language } });
    }
    // Which template it came from, on the incident's record; opening already told the pages what changed.
    const after = { template: template.key, personal_data_breach: template.isPersonalDataBreach, key_messages: template.keyMessages.length * 2 };
    await tx.insertInto('audit_log').values(auditRow(inner, { action: 'incident.open_from_template', entityType: 'incident', entityId: opened.id, after })).execute();
    return { ...(await getIncident({ ctx: inner, id: opened.id })), template: template.key };
  });
}
