import { DateTime } from 'luxon';
import type { DeliveryPayload, Language } from '../../adapters/db/schema.ts';
import type { CommunicationClockId, EscalationStep } from '../../domain/clocks/communication.ts';
import { gsmPunctuation } from '../delivery/compose.ts';

const words = {
  en: {
    clock: { first_message: 'the first public message', next_update: 'the next update' } as Record<CommunicationClockId, string>,
    subject: {
      reminder: (name: string, what: string, at: string) => `Reminder: ${what} on "${name}" is due at ${at}`,
      due: (name: string, what: string, at: string) => `Due now: ${what} on "${name}" (${at})`,
      escalation: (name: string, what: string, at: string) => `Late: ${what} on "${name}" was due at ${at}`,
    } as Record<EscalationStep, (name: string, what: string, at: string) => string>,
    body: (promised: boolean) =>
      promised
        ? 'This time was promised publicly. Publish an update before it, even to say that work goes on; to move it, postpone it with its reason: the status page gives the new time.'
        : 'Customers are waiting. Publish what is known, what is not yet, and when the next update comes.',
    how: (id: string) => `Incident ${id}: publish a message, or tocsin incident update ${id} --status … --body … --next-update ….`,
    sms: (promised: boolean) => (promised ? 'Promised publicly: publish an update, or postpone it with its reason.' : 'Customers are waiting: publish what is known.'),
  },
  fr: {
    clock: { first_message: 'le premier message public', next_update: 'le prochain point' } as Record<CommunicationClockId, string>,
    subject: {
      reminder: (name: string, what: string, at: string) => `Rappel : ${what} sur « ${name} » est attendu à ${at}`,
      due: (name: string, what: string, at: string) => `C’est l’heure : ${what} sur « ${name} » (${at})`,
      escalation: (name: string, what: string, at: string) => `En retard : ${what} sur « ${name} » était attendu à ${at}`,
    } as Record<EscalationStep, (name: string, what: string, at: string) => string>,
    body: (promised: boolean) =>
      promised
        ? 'Cette heure a été promise publiquement. Publiez un point avant, même pour dire que le travail continue ; pour la déplacer, reportez-la en donnant la raison : la page de statut annonce la nouvelle heure.'
        : 'Les clients attendent. Publiez ce qui est connu, ce qui ne l’est pas encore, et l’heure du prochain point.',
    how: (id: string) => `Incident ${id} : publiez un message, ou tocsin incident update ${id} --status … --body … --next-update ….`,
    sms: (promised: boolean) => (promised ? 'Promis publiquement : publiez un point, ou reportez-le en donnant la raison.' : 'Les clients attendent : publiez ce qui est connu.'),
  },
} as const;

type ReminderInput = { step: EscalationStep; clock: CommunicationClockId; incidentId: string; incidentName: string; dueAt: Date; isPromised: boolean; language: Language; timeZone: string };

/** The e-mail a reminder step sends, in the reader's language, the deadline in the workspace's time zone. */
export function reminderPayload(input: ReminderInput): DeliveryPayload {
  const w = words[input.language];
  const subject = w.subject[input.step](input.incidentName, w.clock[input.clock], deadline(input));
  return { subject, text: `${subject}\n\n${w.body(input.isPromised)}\n\n${w.how(input.incidentId)}` };
}

/** Longer incident names are cut, so the text stays within two SMS. */
const smsNameLength = 60;

/** The text message a deadline sends to the crisis plan's people on duty: what is due, when, and what to do, in plain GSM-7 punctuation. */
export function reminderSms(input: ReminderInput): DeliveryPayload {
  const w = words[input.language];
  const name = input.incidentName.length > smsNameLength ? `${input.incidentName.slice(0, smsNameLength - 1).trimEnd()}…` : input.incidentName;
  return { text: gsmPunctuation(`Tocsin: ${w.subject[input.step](name, w.clock[input.clock], deadline(input))}. ${w.sms(input.isPromised)}`) };
}

function deadline(input: ReminderInput): string {
  return DateTime.fromJSDate(input.dueAt, { zone: input.timeZone }).setLocale(input.language).toFormat(input.language === 'fr' ? "HH'h'mm" : 'HH:mm');
}
