import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

type Language = 'fr' | 'en';
type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

const text = {
  en: {
    checkInbox: 'Check your inbox',
    checkInboxLead: (address: string) => `If ${address} can receive e-mail, a message is on its way with a link to confirm. Nothing is sent to you before you confirm.`,
    enterCode: 'Enter the code',
    enterCodeLead: (address: string) => `If ${address} can receive text messages, a 6-digit code is on its way. It is valid for 15 minutes.`,
    code: 'Code received by SMS',
    check: 'Confirm',
    wrongCode: 'This code is not the right one. Check the last SMS and try again.',
    expiredCode: 'This code has expired. Subscribe again to receive a new one.',
    tooManyAttempts: 'Too many wrong codes. Subscribe again in a few minutes to receive a new one.',
    confirmTitle: (page: string) => `Confirm your subscription to ${page}`,
    confirmLead: 'Press the button to start receiving the updates of this status page.',
    confirmButton: 'Confirm my subscription',
    subscribed: (page: string) => `You receive the updates of ${page}`,
    subscribedLead: 'You will hear from us when an incident or a maintenance concerns the services you follow.',
    manage: 'Choose what you receive, or unsubscribe',
    preferences: (page: string) => `Your subscription to ${page}`,
    receives: (address: string) => `Updates go to ${address}.`,
    pendingNote: 'This subscription is not confirmed yet: nothing is sent before you confirm it.',
    unsubscribedNote: 'You are unsubscribed: nothing is sent to you.',
    language: 'Language of the messages',
    scope: 'What you hear about',
    allComponents: 'Every service',
    someComponents: 'Only the services ticked below',
    save: 'Save my choices',
    saved: 'Your choices are saved.',
    unsubscribe: 'Unsubscribe',
    unsubscribeTitle: (page: string) => `Unsubscribe from ${page}?`,
    unsubscribeLead: 'You will no longer receive the updates of this status page.',
    unsubscribedTitle: 'You are unsubscribed',
    unsubscribedLead: (page: string) => `You will no longer receive the updates of ${page}.`,
    resubscribe: 'Subscribe again',
    backToPage: 'Back to the status page',
    notFoundTitle: 'This link does not work',
    notFoundLead: 'It may be incomplete, or the subscription it belonged to was removed. Subscribe again from the status page.',
    problemTitle: 'Your request could not be handled',
    tooManyTitle: 'Too many requests',
    tooManyLead: (minutes: number) => `Please try again in ${minutes} minute(s).`,
    back: 'Go back',
  },
  fr: {
    checkInbox: 'Consultez votre messagerie',
    checkInboxLead: (address: string) => `Si l’adresse ${address} peut recevoir des e-mails, un message va lui parvenir avec un lien de confirmation. Rien ne vous est envoyé avant que vous confirmiez.`,
    enterCode: 'Saisissez le code',
    enterCodeLead: (address: string) => `Si le numéro ${address} peut recevoir des SMS, un code à 6 chiffres va lui parvenir. Il est valable 15 minutes.`,
    code: 'Code reçu par SMS',
    check: 'Confirmer',
    wrongCode: 'Ce code n’est pas le bon. Vérifiez le dernier SMS et réessayez.',
    expiredCode: 'Ce code a expiré. Abonnez-vous de nouveau pour en recevoir un autre.',
    tooManyAttempts: 'Trop de codes erronés. Abonnez-vous de nouveau dans quelques minutes pour recevoir un autre code.',
    confirmTitle: (page: string) => `Confirmez votre abonnement à ${page}`,
    confirmLead: 'Appuyez sur le bouton pour recevoir les mises à jour de cette page d’état.',
    confirmButton: 'Confirmer mon abonnement',
    subscribed: (page: string) => `Vous recevez les mises à jour de ${page}`,
    subscribedLead: 'Nous vous écrirons quand un incident ou une maintenance concerne les services que vous suivez.',
    manage: 'Choisir ce que vous recevez, ou vous désabonner',
    preferences: (page: string) => `Votre abonnement à ${page}`,
    receives: (address: string) => `Les mises à jour sont envoyées à ${address}.`,
    pendingNote: 'Cet abonnement n’est pas encore confirmé\u202f: rien n’est envoyé avant votre confirmation.',
    unsubscribedNote: 'Vous êtes désabonné\u202f: rien ne vous est envoyé.',
    language: 'Langue des messages',
    scope: 'Ce que vous suivez',
    allComponents: 'Tous les services',
    someComponents: 'Seulement les services cochés ci-dessous',
    save: 'Enregistrer mes choix',
    saved: 'Vos choix sont enregistrés.',
    unsubscribe: 'Me désabonner',
    unsubscribeTitle: (page: string) => `Vous désabonner de ${page}\u202f?`,
    unsubscribeLead: 'Vous ne recevrez plus les mises à jour de cette page d’état.',
    unsubscribedTitle: 'Vous êtes désabonné',
    unsubscribedLead: (page: string) => `Vous ne recevrez plus les mises à jour de ${page}.`,
    resubscribe: 'Me réabonner',
    backToPage: 'Revenir à la page d’état',
    notFoundTitle: 'Ce lien ne fonctionne pas',
    notFoundLead: 'Il est peut-être incomplet, ou l’abonnement auquel il correspondait a été supprimé. Abonnez-vous de nouveau depuis la page d’état.',
    problemTitle: 'Votre demande n’a pas pu aboutir',
    tooManyTitle: 'Trop de demandes',
    tooManyLead: (minutes: number) => `Veuillez réessayer dans ${minutes} minute(s).`,
    back: 'Revenir en arrière',
  },
} as const;

const languageNames: Record<Language, string> = { fr: 'Français', en: 'English' };

/** Plain pages, readable without JavaScript, posting only to Tocsin itself (CSP form-action 'self'). */
function shell(language: Language, title: string, body: Markup) {
  return html`<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1b1b1f;background:#fff}
label,button{font:inherit}input[type=text]{display:block;width:100%;font:inherit;padding:.5rem;margin:.25rem 0 1rem;border:1px solid #666;border-radius:4px}
fieldset{border:1px solid #999;border-radius:4px;margin:0 0 1rem;padding:.5rem 1rem}ul{list-style:none;padding-left:1.5rem;margin:.25rem 0}
button{padding:.5rem 1rem;border:0;border-radius:4px;background:#1d4ed8;color:#fff;cursor:pointer;margin:.25rem 0}
button.quiet{background:#fff;color:#9f1239;border:1px solid #9f1239}form{margin:1rem 0}
.error{color:#b91c1c;font-weight:600}.status{color:#166534;font-weight:600}
@media (prefers-color-scheme:dark){body{color:#eee;background:#16161a}input[type=text]{background:#222;color:#eee}a{color:#9cc3ff}.error{color:#fca5a5}.status{color:#86efac}button.quiet{background:#16161a;color:#fda4af;border-color:#fda4af}}</style></head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;
}

const backLink = (language: Language, pageUrl: string | undefined) => (pageUrl ? html`<p><a href="${pageUrl}">${text[language].backToPage}</a></p>` : '');

export function checkInboxPage(options: { language: Language; address: string; pageUrl?: string }) {
  const t = text[options.language];
  return shell(options.language, t.checkInbox, html`<p role="status">${t.checkInboxLead(options.address)}</p>${backLink(options.language, options.pageUrl)}`);
}

/** The SMS code form, again with the reason when a code was refused. */
export function enterCodePage(options: { language: Language; address?: string; action: string; subscriberId: string; failure?: 'wrong' | 'expired' | 'too-many-attempts'; pageUrl?: string }) {
  const t = text[options.language];
  const failure = options.failure === 'wrong' ? t.wrongCode : options.failure === 'expired' ? t.expiredCode : options.failure === 'too-many-attempts' ? t.tooManyAttempts : undefined;
  const form = html`<form method="post" action="${options.action}"><input type="hidden" name="subscriber_id" value="${options.subscriberId}">
<label for="code">${t.code}</label><input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required>
<button type="submit">${t.check}</button></form>`;
  return shell(
    options.language,
    t.enterCode,
    html`${options.address ? html`<p>${t.enterCodeLead(options.address)}</p>` : ''}${failure ? html`<p class="error" role="alert">${failure}</p>` : ''}${options.failure === 'wrong' || !options.failure ? form : ''}${backLink(options.language, options.pageUrl)}`,
  );
}

/** What a confirmation link opens: a button, so that a mail scanner fetching the link confirms nothing. */
export function confirmPage(options: { language: Language; pageName: string; action: string }) {
  const t = text[options.language];
  return shell(options.language, t.confirmTitle(options.pageName), html`<p>${t.confirmLead}</p><form method="post" action="${options.action}"><button type="submit">${t.confirmButton}</button></form>`);
}

export function subscribedPage(options: { language: Language; pageName: string; preferencesUrl: string; pageUrl?: string }) {
  const t = text[options.language];
  return shell(
    options.language,
    t.subscribed(options.pageName),
    html`<p role="status">${t.subscribedLead}</p><p><a href="${options.preferencesUrl}">${t.manage}</a></p>${backLink(options.language, options.pageUrl)}`,
  );
}

export interface PreferencesPageOptions {
  language: Language;
  pageName: string;
  pageUrl?: string;
  address: string;
  state: 'pending' | 'active' | 'unsubscribed';
  allComponents: boolean;
  componentIds: string[];
  components: Array<{ id: string; name: string }>;
  /** Where the forms post: the preferences URL, and its /confirm, /unsubscribe and /resubscribe. */
  base: string;
  saved?: boolean;
}

export function preferencesPage(options: PreferencesPageOptions) {
  const t = text[options.language];
  const followed = new Set(options.componentIds);
  const note =
    options.state === 'pending'
      ? html`<p>${t.pendingNote}</p><form method="post" action="${options.base}/confirm"><button type="submit">${t.confirmButton}</button></form>`
      : options.state === 'unsubscribed'
        ? html`<p>${t.unsubscribedNote}</p><form method="post" action="${options.base}/resubscribe"><button type="submit">${t.resubscribe}</button></form>`
        : '';
  const languages = (['fr', 'en'] as const).map(
    (code) => html`<input type="radio" id="language-${code}" name="language" value="${code}"${code === options.language ? ' checked' : ''}> <label for="language-${code}" lang="${code}">${languageNames[code]}</label> `,
  );
  const components =
    options.components.length === 0
      ? ''
      : html`<fieldset><legend>${t.scope}</legend>
<input type="radio" id="scope-all" name="scope" value="all"${options.allComponents ? ' checked' : ''}> <label for="scope-all">${t.allComponents}</label><br>
<input type="radio" id="scope-some" name="scope" value="some"${options.allComponents ? '' : ' checked'}> <label for="scope-some">${t.someComponents}</label>
<ul>${options.components.map(
          (component) =>
            html`<li><input type="checkbox" id="component-${component.id}" name="components" value="${component.id}"${followed.has(component.id) ? ' checked' : ''}> <label for="component-${component.id}">${component.name}</label></li>`,
        )}</ul></fieldset>`;
  return shell(
    options.language,
    t.preferences(options.pageName),
    html`<p>${t.receives(options.address)}</p>${options.saved ? html`<p class="status" role="status">${t.saved}</p>` : ''}${note}
<form method="post" action="${options.base}"><fieldset><legend>${t.language}</legend>${languages}</fieldset>${components}<button type="submit">${t.save}</button></form>
${options.state === 'unsubscribed' ? '' : html`<form method="post" action="${options.base}/unsubscribe"><button type="submit" class="quiet">${t.unsubscribe}</button></form>`}
${backLink(options.language, options.pageUrl)}`,
  );
}

export function unsubscribePage(options: { language: Language; pageName: string; action: string }) {
  const t = text[options.language];
  return shell(options.language, t.unsubscribeTitle(options.pageName), html`<p>${t.unsubscribeLead}</p><form method="post" action="${options.action}"><button type="submit">${t.unsubscribe}</button></form>`);
}

export function unsubscribedPage(options: { language: Language; pageName: string; base: string; pageUrl?: string }) {
  const t = text[options.language];
  return shell(
    options.language,
    t.unsubscribedTitle,
    html`<p role="status">${t.unsubscribedLead(options.pageName)}</p><form method="post" action="${options.base}/resubscribe"><button type="submit">${t.resubscribe}</button></form>${backLink(options.language, options.pageUrl)}`,
  );
}

export function linkNotFoundPage(language: Language) {
  const t = text[language];
  return shell(language, t.notFoundTitle, html`<p>${t.notFoundLead}</p>`);
}

/** The API's details are English sentences; a French reader gets these for the usual refusals. */
const frenchReasons: Record<string, string> = {
  'email-invalid': 'Cette adresse e-mail n’est pas valide. Vérifiez-la et réessayez.',
  'phone-invalid': 'Ce numéro de téléphone n’est pas valide. Écrivez-le en entier, avec l’indicatif du pays pour un numéro étranger (+32 …).',
  'invalid-input': 'Le formulaire est incomplet ou mal rempli. Vérifiez-le et réessayez.',
  'component-unknown': 'Un des services choisis n’existe plus. Rechargez la page et réessayez.',
};

/** A refused form: the reason (a sentence for a person) and the way back. */
export function problemPage(options: { language: Language; detail: string; reason?: string; retryAfterSeconds?: number; pageUrl?: string }) {
  const t = text[options.language];
  const detail = (options.language === 'fr' ? frenchReasons[options.reason ?? ''] : undefined) ?? options.detail;
  if (options.retryAfterSeconds !== undefined) {
    return shell(options.language, t.tooManyTitle, html`<p role="alert">${t.tooManyLead(Math.max(1, Math.ceil(options.retryAfterSeconds / 60)))}</p>${backLink(options.language, options.pageUrl)}`);
  }
  return shell(options.language, t.problemTitle, html`<p class="error" role="alert">${detail}</p>${options.pageUrl ? html`<p><a href="${options.pageUrl}">${t.back}</a></p>` : ''}`);
}
