import { DateTime } from 'luxon';
import { html } from './html/escape.ts';
import { indicatorClass } from './html/index-page.ts';
import { rollUp, rollups, type Indicator } from './html/rollup.ts';
import { textFor } from './i18n.ts';
import type { PublicSnapshot, SiteFile } from './snapshot.ts';

/** The indicator's own words when a description is not one of the canonical seven. */
const byIndicator: Record<Indicator, keyof typeof rollups> = { none: 'operational', minor: 'minor_outage', major: 'partial_outage', critical: 'major_outage', maintenance: 'maintenance' };

/** Light-theme status colors: the host page's background is unknown, these hold on white. */
const colors: Record<Indicator, string> = { none: '#1a7f37', minor: '#9a6700', major: '#bc4c00', critical: '#cf222e', maintenance: '#0969da' };

/**
 * widget.js, for a customer's site. The markup works without it:
 *   <a href="https://status.example.com/" data-tocsin-status>Service status</a>
 *   <script src="https://status.example.com/widget.js" async></script>
 * It reads api/v2/status.json beside itself (same origin and folder as the script), then writes
 * the status, in the page's language, into every [data-tocsin-status] element (or a new link
 * after the script). If anything fails the fallback link stays as the customer wrote it.
 */
function widgetScript(snapshot: PublicSnapshot): string {
  const t = textFor(snapshot.page.language);
  const byDescription = Object.fromEntries(Object.values(rollups).map((rollup) => [rollup.description, t.rollup[rollup.key]]));
  const indicatorWords = Object.fromEntries(Object.entries(byIndicator).map(([indicator, key]) => [indicator, t.rollup[key]]));
  return `/* Tocsin status widget. Usage: <a href="STATUS PAGE URL" data-tocsin-status>Status</a><script src="STATUS PAGE URL/widget.js" async></script> */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !window.fetch || !window.URL) return;
  var base = script.src;
  var byDescription = ${JSON.stringify(byDescription)};
  var byIndicator = ${JSON.stringify(indicatorWords)};
  var colors = ${JSON.stringify(colors)};
  function show(target, status) {
    var link = target.tagName === 'A' ? target : target.querySelector('a');
    if (!link) { link = document.createElement('a'); target.appendChild(link); }
    if (!link.getAttribute('href')) link.href = new URL('index.html', base).href;
    var dot = document.createElement('span');
    dot.setAttribute('aria-hidden', 'true');
    dot.style.display = 'inline-block';
    dot.style.width = dot.style.height = '0.6em';
    dot.style.borderRadius = '50%';
    dot.style.marginRight = '0.4em';
    dot.style.background = colors[status.indicator] || '#59636e';
    link.textContent = '';
    link.appendChild(dot);
    link.appendChild(document.createTextNode(byDescription[status.description] || byIndicator[status.indicator] || String(status.description || '')));
  }
  fetch(new URL('api/v2/status.json', base).href, { credentials: 'omit' })
    .then(function (response) { if (!response.ok) throw new Error('HTTP ' + response.status); return response.json(); })
    .then(function (data) {
      if (!data || !data.status) return;
      var targets = Array.prototype.slice.call(document.querySelectorAll('[data-tocsin-status]'));
      if (targets.length === 0 && script.parentNode) {
        var link = document.createElement('a');
        script.parentNode.insertBefore(link, script.nextSibling);
        targets = [link];
      }
      targets.forEach(function (target) { show(target, data.status); });
    })
    // A widget must never break its host page: on failure the fallback link stays as written.
    .catch(function () {});
})();
`;
}

/** widget.html, to put in an iframe: the current status in words, linking to the page. */
function widgetPage(snapshot: PublicSnapshot): string {
  const t = textFor(snapshot.page.language);
  const rollup = rollUp(snapshot);
  const now = DateTime.fromJSDate(snapshot.generatedAt, { zone: snapshot.page.timeZone }).setLocale(t.locale);
  const time = (at: DateTime, text: string) => html`<time datetime="${at.toISO({ suppressMilliseconds: true }) ?? ''}">${text}</time>`;
  return html`<!doctype html>
<html lang="${snapshot.page.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${t.widgetTitle} – ${snapshot.page.name}</title><meta name="color-scheme" content="light dark"><link rel="stylesheet" href="style.css"></head>
<body class="widget"><main><p><a class="st ${indicatorClass[rollup.indicator]}" href="index.html" target="_blank" rel="noopener">${t.rollup[rollup.key]}</a></p>
<p class="meta">${snapshot.page.name} · ${t.updatedAt(now, time)}</p></main></body></html>
`.value;
}

/** The embeddable widget: widget.html for an iframe, widget.js for a script tag with a no-JS fallback. */
export function renderWidget(snapshot: PublicSnapshot): SiteFile[] {
  return [
    { path: 'widget.html', contentType: 'text/html; charset=utf-8', body: widgetPage(snapshot) },
    { path: 'widget.js', contentType: 'text/javascript; charset=utf-8', body: widgetScript(snapshot) },
  ];
}
