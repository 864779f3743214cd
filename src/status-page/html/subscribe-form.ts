import type { SiteContext } from './context.ts';
import { html, type Html } from './escape.ts';

const languageNames = { en: 'English', fr: 'Français' } as const;

/**
 * The "Get updates" form of a public page: it posts to Tocsin, which answers with its own page, so
 * it works without script while the page is a static file elsewhere. Nothing when the snapshot has no form.
 */
export function subscribeForm(ctx: SiteContext): Html | '' {
  const { t, snapshot } = ctx;
  if (!snapshot.subscribe || snapshot.page.visibility !== 'public') return '';
  const language = snapshot.page.language;
  const options = (['en', 'fr'] as const).map(
    (code) => html`<option value="${code}"${code === language ? html` selected` : ''}${code === language ? '' : html` lang="${code}"`}>${languageNames[code]}</option>`,
  );
  return html`<section aria-labelledby="subscribe"><h2 id="subscribe">${t.subscribeTitle}</h2><p>${t.subscribeLead}</p>
<form class="sub" method="post" action="${snapshot.subscribe.action}"><div><label for="sub-address">${t.subscribeAddress}</label>
<input id="sub-address" name="address" type="text" autocomplete="email" autocapitalize="off" spellcheck="false" maxlength="320" required></div>
<div><label for="sub-language">${t.subscribeLanguage}</label><select id="sub-language" name="language">${options}</select></div>
<button type="submit">${t.subscribeButton}</button></form></section>`;
}
