import { html } from 'hono/html';

const text = {
  en: {
    title: 'Tocsin',
    lead: 'Crisis communication during IT incidents.',
    running: 'Tocsin is running.',
    api: 'Admin API reference',
    openapi: 'OpenAPI document',
    cli: 'Command line: npx tocsin --help',
    health: 'Health',
  },
  fr: {
    title: 'Tocsin',
    lead: 'La communication de crise pendant les incidents informatiques.',
    running: 'Tocsin fonctionne.',
    api: 'Référence de l’API d’administration',
    openapi: 'Document OpenAPI',
    cli: 'En ligne de commande : npx tocsin --help',
    health: 'État',
  },
} as const;

export type Language = keyof typeof text;

/** The language a browser prefers among French and English (English when it says neither). */
export function preferredLanguage(acceptLanguage: string | undefined): Language {
  const tags = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { tag: tag ?? '', q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    if (tag.startsWith('fr')) return 'fr';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}

export function homePage(language: Language) {
  const t = text[language];
  return html`<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${t.title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1b1b1f;background:#fff}
@media (prefers-color-scheme:dark){body{color:#eee;background:#16161a}a{color:#9cc3ff}}</style></head>
<body><h1>${t.title}</h1><p>${t.lead}</p><p>${t.running}</p>
<ul><li><a href="/api/docs">${t.api}</a></li><li><a href="/api/openapi.json">${t.openapi}</a></li><li><a href="/readyz">${t.health}</a></li><li>${t.cli}</li></ul>
<p><a href="/?lang=fr" lang="fr">Français</a> · <a href="/?lang=en" lang="en">English</a></p></body></html>`;
}
