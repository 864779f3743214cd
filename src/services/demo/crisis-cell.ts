import type { Ctx } from '../context.ts';
import { addFactEntry } from '../facts/add-fact-entry.ts';
import { editFactSheet } from '../facts/edit-fact-sheet.ts';
import { createMessage } from '../messages/create-message.ts';
import { requestReview } from '../messages/request-review.ts';

const minute = 60_000;

/**
 * The crisis cell's work on the demo's ongoing incident: the fact sheet as the referent keeps it
 * (what is known, what is only suspected, the key messages, a rumor corrected) and the next update,
 * written by the communications lead in both languages, waiting for the reviewer's approval.
 */
export async function seedCrisisCell({ ctx, incidentId, userIds, now, setClock }: { ctx: Ctx; incidentId: string; userIds: Map<string, string>; now: Date; setClock: (at: Date) => void }) {
  const as = (role: 'comms_lead' | 'incident_lead', name: string): Ctx => {
    const id = userIds.get(role);
    return id ? { ...ctx, actor: { type: 'user', id, name, role } } : ctx;
  };
  const lead = as('incident_lead', 'Marc Lefèvre');
  const comms = as('comms_lead', 'Claire Dubois');
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * minute).toISOString();

  setClock(new Date(now.getTime() - 5 * minute));
  await editFactSheet({ ctx: lead, incidentId, input: { audiences: ['customers', 'technical_customers', 'employees'] } });
  await addFactEntry({
    ctx: lead,
    incidentId,
    input: { kind: 'known', text: 'Queries to Managed PostgreSQL in PAR-2 are up to 5× slower; PAR-1 is not affected', source: 'database on-call', noted_at: at(27), figures: { regions: ['PAR-2'] } },
  });
  await addFactEntry({
    ctx: lead,
    incidentId,
    input: { kind: 'known', text: '340 customer databases are on the overloaded storage node', source: 'storage team', noted_at: at(12), figures: { affected_people: 340 } },
  });
  await addFactEntry({ ctx: lead, incidentId, input: { kind: 'unconfirmed', text: 'The new disk firmware may cause the overload', source: 'storage team', noted_at: at(10) } });
  await addFactEntry({ ctx: comms, incidentId, input: { kind: 'key_message', text: 'No data is at risk: every database is stored on three servers.', language: 'en' } });
  await addFactEntry({ ctx: comms, incidentId, input: { kind: 'key_message', text: 'Aucune donnée n’est en danger : chaque base est stockée sur trois serveurs.', language: 'fr' } });
  await addFactEntry({
    ctx: comms,
    incidentId,
    input: {
      kind: 'rumor',
      text: 'Altostrat lost customer databases in PAR-2',
      source: 'a forum thread, 09:40',
      noted_at: at(15),
      state: 'refuted',
      correction: 'No database was lost: they are slower, not gone; each is stored on three servers.',
    },
  });

  setClock(new Date(now.getTime() - 2 * minute));
  const message = await createMessage({ ctx: comms, incidentId, input: { stage: 'update', audiences: ['customers'], languages: ['fr', 'en'], channels: ['status_page', 'email', 'sms'] } });
  await requestReview({ ctx: comms, messageId: message.id });
}
