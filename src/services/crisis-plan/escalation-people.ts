import type { Db } from '../../adapters/db/connect.ts';
import type { EscalationStep } from '../../domain/clocks/communication.ts';
import { rosterRecipients } from '../../domain/crisis-plan/escalation.ts';
import { loadRoster } from './internal.ts';

/** The crisis plan's people a reminder step reaches, with the contact e-mail of their role. */
export async function escalationPeople(db: Db, workspaceId: string, step: EscalationStep, now: Date): Promise<Array<{ id: string; email: string; locale: 'fr' | 'en' }>> {
  const { roster, locales } = await loadRoster(db, workspaceId);
  return rosterRecipients(step, roster, now).map((person) => ({ id: person.userId, email: person.email, locale: locales.get(person.userId) ?? 'en' }));
}
