import type { Language } from '../../adapters/db/schema.ts';

/** Minutes an SMS confirmation code stays valid. */
export const codeValidityMinutes = 15;

/** What a subscriber receives before anything else, per language; the SMS keep to the GSM-7 alphabet (160 characters a segment). */
const words = {
  en: {
    confirmSubject: (page: string) => `Confirm your subscription to ${page}`,
    confirmText: (page: string, url: string) =>
      `Someone, probably you, asked to receive the updates of ${page} at this address.\n\nConfirm here: <${url}>\n\nIf it was not you, ignore this message: nothing more will be sent.`,
    alreadySubject: (page: string) => `You already receive the updates of ${page}`,
    alreadyText: (page: string, url: string) =>
      `Someone, probably you, asked to receive the updates of ${page} at this address. It already receives them.\n\nChoose what you receive, or unsubscribe: <${url}>`,
    code: (page: string, code: string) => `${code} is your code to receive the updates of ${page}. It expires in ${codeValidityMinutes} minutes.`,
    alreadySms: (page: string, url: string) => `This number already receives the updates of ${page}. Manage: ${url}`,
  },
  fr: {
    confirmSubject: (page: string) => `Confirmez votre abonnement à ${page}`,
    confirmText: (page: string, url: string) =>
      `Quelqu’un, sans doute vous, a demandé à recevoir les mises à jour de ${page} à cette adresse.\n\nConfirmez ici\u202f: <${url}>\n\nSi ce n’est pas vous, ignorez ce message\u202f: rien d’autre ne sera envoyé.`,
    alreadySubject: (page: string) => `Vous recevez déjà les mises à jour de ${page}`,
    alreadyText: (page: string, url: string) =>
      `Quelqu’un, sans doute vous, a demandé à recevoir les mises à jour de ${page} à cette adresse. Elle les reçoit déjà.\n\nChoisir ce que vous recevez, ou vous désabonner\u202f: <${url}>`,
    code: (page: string, code: string) => `${code} est votre code pour recevoir les mises à jour de ${page}. Il expire dans ${codeValidityMinutes} minutes.`,
    alreadySms: (page: string, url: string) => `Ce numéro est déjà abonné aux mises à jour de ${page}. Gérer : ${url}`,
  },
} as const;

export function confirmationMail(language: Language, pageName: string, confirmUrl: string) {
  const t = words[language];
  return { subject: t.confirmSubject(pageName), text: t.confirmText(pageName, confirmUrl), markdown: true };
}

export function alreadySubscribedMail(language: Language, pageName: string, preferencesUrl: string) {
  const t = words[language];
  return { subject: t.alreadySubject(pageName), text: t.alreadyText(pageName, preferencesUrl), markdown: true };
}

export function confirmationSms(language: Language, pageName: string, code: string) {
  return { text: words[language].code(pageName, code) };
}

export function alreadySubscribedSms(language: Language, pageName: string, preferencesUrl: string) {
  return { text: words[language].alreadySms(pageName, preferencesUrl) };
}
