import { defineTexts } from '../../i18n.ts';
import type { Language } from './types.ts';

/** The previews' and the next-update card's words, in the console's language. */
export const previewText = defineTexts('composer-preview', {
  en: {
    preview: 'Preview',
    previewHint: 'As the recipient sees it.',
    from: 'From',
    to: 'To',
    subject: 'Subject',
    subscribersOf: 'Subscribers: {{audience}}',
    noSubject: '(no subject yet)',
    smsSegments_one: '{{count}} SMS',
    smsSegments_other: '{{count}} SMS joined into one message',
    smsLeft_one: '{{count}} character left in this SMS',
    smsLeft_other: '{{count}} characters left in this SMS',
    smsGsm: 'Standard characters: 160 per SMS, 153 per part when longer.',
    smsUcs: 'Special characters: only 70 per SMS, 67 per part when longer.',
    smsWide: 'These characters make the SMS shorter and dearer: {{chars}}',
    smsLong: 'Beyond 2 SMS the message is likely cut or read badly.',
    socialLimit: '{{count}} of {{limit}} characters',
    chatApp: 'Tocsin',
    statusPageTitle: 'Status page',
    supportTitle: 'What support says on the phone and in replies',
    pressTitle: 'Press release',
    nextUpdate: 'Next update',
    nextUpdateHint: 'Every message while the incident runs says when you will speak again. Changing the time rewrites “next update at …” in every version.',
    nextUpdateAt: 'Promised for',
    nextUpdateNone: 'No time promised yet.',
    nextUpdateFinal: 'This message closes the incident: it promises no next update.',
    nextUpdateNotNeeded: 'This kind of message does not have to promise a next update.',
    nextUpdatePast: 'This time has passed: choose a later one.',
    nextUpdateSave: 'Promise this time',
    cadence: 'Usual rhythm for this incident: every {{minutes}} min.',
    useCadence: 'Use {{time}}',
    notify: 'Notify the subscribers when it is published',
    notifyHint: 'Off: the status page changes, nobody receives an e-mail or SMS.',
  },
  fr: {
    preview: 'Aperçu',
    previewHint: 'Tel que le destinataire le voit.',
    from: 'De',
    to: 'À',
    subject: 'Objet',
    subscribersOf: 'Abonnés : {{audience}}',
    noSubject: '(pas encore d’objet)',
    smsSegments_one: '{{count}} SMS',
    smsSegments_other: '{{count}} SMS réunis en un message',
    smsLeft_one: 'Il reste {{count}} caractère dans ce SMS',
    smsLeft_other: 'Il reste {{count}} caractères dans ce SMS',
    smsGsm: 'Caractères standard : 160 par SMS, 153 par partie au-delà.',
    smsUcs: 'Caractères spéciaux : 70 seulement par SMS, 67 par partie au-delà.',
    smsWide: 'Ces caractères raccourcissent le SMS et le rendent plus cher : {{chars}}',
    smsLong: 'Au-delà de 2 SMS, le message risque d’être coupé ou mal lu.',
    socialLimit: '{{count}} caractères sur {{limit}}',
    chatApp: 'Tocsin',
    statusPageTitle: 'Page d’état',
    supportTitle: 'Ce que le support dit au téléphone et dans ses réponses',
    pressTitle: 'Communiqué de presse',
    nextUpdate: 'Prochain point',
    nextUpdateHint: 'Tant que l’incident dure, chaque message dit quand vous reprendrez la parole. Changer l’heure réécrit « prochain point à … » dans toutes les versions.',
    nextUpdateAt: 'Annoncé pour',
    nextUpdateNone: 'Aucune heure annoncée pour l’instant.',
    nextUpdateFinal: 'Ce message clôt l’incident : il n’annonce pas de prochain point.',
    nextUpdateNotNeeded: 'Ce type de message n’a pas à annoncer de prochain point.',
    nextUpdatePast: 'Cette heure est passée : choisissez-en une plus tardive.',
    nextUpdateSave: 'Annoncer cette heure',
    cadence: 'Rythme habituel pour cet incident : toutes les {{minutes}} min.',
    useCadence: 'Prendre {{time}}',
    notify: 'Prévenir les abonnés à la publication',
    notifyHint: 'Désactivé : la page d’état change, personne ne reçoit d’e-mail ni de SMS.',
  },
});

/**
 * What the recipient reads around the text, in the message's own language (not the console's):
 * the same words the mailer, the chat cards and the status page put there.
 */
export const recipientWords: Record<Language, {
  why: (page: string) => string;
  follow: string;
  leave: string;
  status: string;
  impact: string;
  nextUpdate: string;
  open: string;
  statuses: Record<'investigating' | 'identified' | 'monitoring' | 'resolved' | 'postmortem', string>;
  pageStatuses: Record<'investigating' | 'identified' | 'monitoring' | 'resolved' | 'postmortem', string>;
  impacts: Record<'none' | 'minor' | 'major' | 'critical', string>;
  nextUpdateBy: (time: string) => string;
  posted: (time: string) => string;
}> = {
  en: {
    why: (page) => `You receive this because you follow “${page}”.`,
    follow: 'Follow the incident',
    leave: 'Unsubscribe or choose what you receive',
    status: 'Status',
    impact: 'Impact',
    nextUpdate: 'Next update',
    open: 'View incident',
    statuses: { investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring', resolved: 'Resolved', postmortem: 'Postmortem' },
    pageStatuses: { investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring', resolved: 'Resolved', postmortem: 'Postmortem' },
    impacts: { none: 'none', minor: 'minor', major: 'major', critical: 'critical' },
    nextUpdateBy: (time) => `Next update by ${time}`,
    posted: (time) => `Posted at ${time}`,
  },
  fr: {
    why: (page) => `Vous recevez ce message car vous suivez « ${page} ».`,
    follow: 'Suivre l’incident',
    leave: 'Se désabonner ou choisir ce que vous recevez',
    status: 'Statut',
    impact: 'Impact',
    nextUpdate: 'Prochaine mise à jour',
    open: 'Voir l’incident',
    statuses: { investigating: 'Analyse en cours', identified: 'Cause identifiée', monitoring: 'Sous surveillance', resolved: 'Résolu', postmortem: 'Post-mortem' },
    pageStatuses: { investigating: 'Recherche en cours', identified: 'Cause identifiée', monitoring: 'Sous surveillance', resolved: 'Résolu', postmortem: 'Analyse après incident' },
    impacts: { none: 'aucun', minor: 'mineur', major: 'majeur', critical: 'critique' },
    nextUpdateBy: (time) => `Prochain point à ${time}`,
    posted: (time) => `Publié à ${time}`,
  },
};
