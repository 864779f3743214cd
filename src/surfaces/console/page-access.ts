import { html } from 'hono/html';

const text = {
  en: {
    title: 'Private status page',
    lead: 'This status page is private. Enter its password, or sign in to Tocsin with an account allowed to read it.',
    password: 'Password',
    open: 'Open the page',
    wrong: 'This password does not open the page.',
    noPassword: 'This page has no password: sign in to Tocsin with an allowed account.',
    signIn: 'Sign in to Tocsin',
  },
  fr: {
    title: 'Page d’état privée',
    lead: 'Cette page d’état est privée. Saisissez son mot de passe, ou connectez-vous à Tocsin avec un compte autorisé à la lire.',
    password: 'Mot de passe',
    open: 'Ouvrir la page',
    wrong: 'Ce mot de passe n’ouvre pas la page.',
    noPassword: 'Cette page n’a pas de mot de passe : connectez-vous à Tocsin avec un compte autorisé.',
    signIn: 'Se connecter à Tocsin',
  },
} as const;

/** The door of a private page: a password form that works without JavaScript. */
export function pageAccessForm(options: { language: 'fr' | 'en'; pageName: string; action: string; hasPassword: boolean; failed: boolean }) {
  const t = text[options.language];
  return html`<!doctype html>
<html lang="${options.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${options.pageName} — ${t.title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1b1b1f;background:#fff}
label,input,button{display:block;font:inherit}input{width:100%;padding:.5rem;margin:.25rem 0 1rem;border:1px solid #666;border-radius:4px}
button{padding:.5rem 1rem;border:0;border-radius:4px;background:#1d4ed8;color:#fff;cursor:pointer}
.error{color:#b91c1c;font-weight:600}@media (prefers-color-scheme:dark){body{color:#eee;background:#16161a}input{background:#222;color:#eee}a{color:#9cc3ff}.error{color:#fca5a5}}</style></head>
<body><main><h1>${options.pageName}</h1><p>${t.lead}</p>
${options.failed ? html`<p class="error" role="alert">${t.wrong}</p>` : ''}
${options.hasPassword
  ? html`<form method="post" action="${options.action}"><label for="password">${t.password}</label><input id="password" name="password" type="password" autocomplete="current-password" required><button type="submit">${t.open}</button></form>`
  : html`<p>${t.noPassword}</p>`}
<p><a href="/">${t.signIn}</a></p></main></body></html>`;
}
