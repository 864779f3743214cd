import type { Db } from '../../adapters/db/connect.ts';
import type { Language } from '../../adapters/db/schema.ts';
import { normalizePhone } from '../../adapters/sms/phone.ts';
import type { EscalationStep } from '../../domain/clocks/communication.ts';
import { escalationPhone, rosterRecipients } from '../../domain/crisis-plan/escalation.ts';
import { defaultCountryOf } from '../subscriptions/address.ts';
import { loadRoster } from './internal.ts';

export interface EscalationPerson {
  id: string;
  /** The contact e-mail of their role, else their account's. */
  email: string;
  locale: Language;
  /** In E.164, the number the deadline texts at this hour (see `escalationPhone`); null without a number that can be dialled. */
  phone: string | null;
}

/**
 * The crisis plan's people a reminder step reaches, with the contact e-mail of their role and the
 * phone to text at this hour. A number written without its country code is read in the
 * workspace's country (French: France).
 */
export async function escalationPeople(db: Db, workspace: { id: string; timeZone: string; language: Language }, step: EscalationStep, now: Date): Promise<EscalationPerson[]> {
  const { roster, locales } = await loadRoster(db, workspace.id);
  return rosterRecipients(step, roster, now).map((person) => {
    const written = escalationPhone(person, now, workspace.timeZone);
    const phone = written === null ? null : normalizePhone(written, defaultCountryOf(workspace.language));
    return { id: person.userId, email: person.email, locale: locales.get(person.userId) ?? 'en', phone: phone?.ok ? phone.e164 : null };
  });
}
