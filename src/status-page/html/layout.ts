import type { SiteContext } from './context.ts';
import { html, type Html } from './escape.ts';

/** Which navigation entry a page belongs to. */
export type Section = 'status' | 'history' | 'maintenances' | 'corrections';

export interface PageShell {
  /** '' for a page at the top of the site's folder, '../' one folder down: links stay relative. */
  root: string;
  /** The document title before the page's name; null on the home page. */
  title: string | null;
  section: Section | null;
  main: Html;
}

/** The frame every page shares: skip link, banner with navigation, main, footer. No script. */
// No clock in the footer: a page changes only when what it shows changes, so a publish rewrites
// only those files (the index and the widget say when they were generated).
export function layout(ctx: SiteContext, shell: PageShell): string {
  const { t, snapshot } = ctx;
  const { root } = shell;
  const page = snapshot.page;
  const link = (section: Section, href: string, label: string) =>
    html`<li><a href="${root}${href}"${shell.section === section ? html` aria-current="page"` : ''}>${label}</a></li>`;
  return html`<!doctype html>
<html lang="${page.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${shell.title ? `${shell.title} – ${page.name}` : page.name}</title>
<meta name="color-scheme" content="light dark">${page.visibility === 'private' ? html`<meta name="robots" content="noindex">` : ''}
<link rel="stylesheet" href="${root}style.css">
<link rel="alternate" type="application/atom+xml" href="${root}history.atom" title="${page.name} (Atom)">
<link rel="alternate" type="application/rss+xml" href="${root}history.rss" title="${page.name} (RSS)">
</head>
<body><a class="skip" href="#main">${t.skipLink}</a>
<header class="top"><div class="w"><a class="brand" href="${root}index.html">${page.name}</a>
<nav aria-label="${t.navLabel}"><ul>${link('status', 'index.html', t.navStatus)}${link('history', 'history.html', t.navHistory)}${link('maintenances', 'maintenances.html', t.navMaintenances)}${ctx.hasCorrections ? link('corrections', 'corrections.html', t.corrections.title) : ''}</ul></nav></div></header>
<main id="main" class="w">
${shell.main}
</main>
<footer class="w"><p>${t.timeZoneNote(page.timeZone)}</p>
<p>${t.follow} <a href="${root}history.atom">Atom</a> · <a href="${root}history.rss">RSS</a></p>
<p>${t.poweredBy}</p></footer>
</body></html>
`.value;
}
