import type { DeadlineId } from '../../../../../domain/clocks/regulatory.ts';
import { reportsFr } from '../../../../../domain/clocks/reports.ts';
import type { Language } from '../../i18n.ts';
import type { LegalDeadline } from './clocks-types.ts';

type Words = Record<Language, string>;

/** Each legal deadline in plain words, for a communicator (the rule itself is quoted under it). */
const plain: Record<DeadlineId, Words> = {
  'gdpr.authority': {
    en: 'Notify the data protection authority (CNIL) within 72 hours of becoming aware of the breach. Later than that, the notification must explain the delay.',
    fr: 'Notifier la CNIL dans les 72 heures après avoir pris connaissance de la violation. Au-delà, la notification doit expliquer le retard.',
  },
  'gdpr.processor_to_controller': {
    en: 'As a processor, tell each customer whose data is concerned without undue delay; they assess the risk and notify their authority.',
    fr: 'En tant que sous-traitant, prévenir sans délai injustifié chaque client dont les données sont concernées ; il évalue le risque et notifie son autorité.',
  },
  'gdpr.data_subjects': {
    en: 'The risk to people is high: tell them directly, in plain words, without undue delay.',
    fr: 'Le risque pour les personnes est élevé : les prévenir directement, en termes simples, sans délai injustifié.',
  },
  'nis2.early_warning': {
    en: 'Send an early warning to the CSIRT within 24 hours of learning the incident is significant.',
    fr: 'Envoyer une alerte précoce au CSIRT dans les 24 heures après avoir su que l’incident est important.',
  },
  'nis2.notification': {
    en: 'Notify the incident within 72 hours of learning it is significant (24 hours for a trust service).',
    fr: 'Notifier l’incident dans les 72 heures après avoir su qu’il est important (24 heures pour un service de confiance).',
  },
  'nis2.progress': {
    en: 'The incident is still being handled a month after the notification: send a progress report.',
    fr: 'L’incident est toujours en cours un mois après la notification : envoyer un rapport d’avancement.',
  },
  'nis2.final': {
    en: 'Send the final report one month after the notification, or one month after handling ends if it lasted longer.',
    fr: 'Envoyer le rapport final un mois après la notification, ou un mois après la fin du traitement s’il a duré plus longtemps.',
  },
  'nis2.recipients': {
    en: 'Tell the users of the service who may be affected, without undue delay.',
    fr: 'Prévenir sans délai injustifié les utilisateurs du service susceptibles d’être touchés.',
  },
  'dora.initial': {
    en: 'Major incident: send the initial notification within 4 hours of classifying it as major, and no later than 24 hours after detection.',
    fr: 'Incident majeur : envoyer la notification initiale dans les 4 heures après l’avoir classé majeur, et au plus tard 24 heures après la détection.',
  },
  'dora.intermediate': {
    en: 'Send the intermediate report within 72 hours of the initial notification.',
    fr: 'Envoyer le rapport intermédiaire dans les 72 heures après la notification initiale.',
  },
  'dora.final': {
    en: 'Send the final report one month after the last intermediate report.',
    fr: 'Envoyer le rapport final un mois après le dernier rapport intermédiaire.',
  },
  'dora.clients': {
    en: 'Tell the clients whose financial interests are affected, without undue delay.',
    fr: 'Prévenir sans délai injustifié les clients dont les intérêts financiers sont touchés.',
  },
  'eprivacy.initial': {
    en: 'As a telecom provider, notify the CNIL within 24 hours of detecting the breach.',
    fr: 'En tant qu’opérateur de communications, notifier la CNIL dans les 24 heures après la détection de la violation.',
  },
  'eprivacy.second': {
    en: 'Complete the notification within 3 days of the first one, unless it already said everything.',
    fr: 'Compléter la notification dans les 3 jours après la première, sauf si elle disait déjà tout.',
  },
  'fr.anssi': {
    en: 'As an operator of vital importance or of essential services, declare the incident to ANSSI without delay.',
    fr: 'En tant qu’OIV ou OSE, déclarer l’incident à l’ANSSI sans délai.',
  },
  'fr.telecom': {
    en: 'As a telecom operator, declare the security incident to the Ministry of the Interior without delay.',
    fr: 'En tant qu’opérateur de télécommunications, déclarer l’incident de sécurité au ministère de l’Intérieur sans délai.',
  },
  'fr.health': {
    en: 'As a health organisation, declare the serious incident to the regional health agency (ARS) without delay.',
    fr: 'En tant qu’établissement de santé, déclarer l’incident grave à l’ARS sans délai.',
  },
};

/** What starts a deadline that is still waiting. */
const starts: Record<string, Words> = {
  awareAtGdpr: { en: 'Starts when you record becoming aware of the breach.', fr: 'Démarre quand vous enregistrez la prise de connaissance de la violation.' },
  awareSignificantAt: { en: 'Starts when the incident is recognised as significant.', fr: 'Démarre quand l’incident est reconnu comme important.' },
  classifiedMajorAt: { en: 'Starts when the incident is classified as major.', fr: 'Démarre quand l’incident est classé majeur.' },
  detectedAt: { en: 'Starts at detection.', fr: 'Démarre à la détection.' },
  handlingConcludedAt: { en: 'Starts when the handling of the incident ends.', fr: 'Démarre à la fin du traitement de l’incident.' },
};
const afterReport: Words = { en: 'Starts once the previous report is filed.', fr: 'Démarre une fois la déclaration précédente déposée.' };

export function deadlineWords(deadline: LegalDeadline, language: Language) {
  return {
    name: language === 'fr' ? reportsFr[deadline.id].reportName : deadline.report_name,
    recipient: language === 'fr' ? reportsFr[deadline.id].recipient : deadline.recipient,
    plain: plain[deadline.id][language],
    starts: (starts[deadline.starts_from.stamp] ?? afterReport)[language],
  };
}
