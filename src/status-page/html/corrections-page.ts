import type { PublicCorrection, PublicIncident, SiteFile } from '../snapshot.ts';
import type { SiteContext } from './context.ts';
import { html, type Html } from './escape.ts';
import { incidentPath } from './incidents.ts';
import { incidentView, newestFirst } from '../incident-views.ts';
import { layout } from './layout.ts';

/** The incidents with a published correction, newest first. */
export function correctedIncidents(incidents: readonly PublicIncident[]): readonly PublicIncident[] {
  return incidentView(incidents, 'corrected', (incident) => (incident.corrections?.length ?? 0) > 0, newestFirst);
}

/** Every published correction with its incident, newest first across incidents. */
export function correctionsLog(incidents: readonly PublicIncident[]): Array<{ incident: PublicIncident; correction: PublicCorrection }> {
  return correctedIncidents(incidents)
    .flatMap((incident) => (incident.corrections ?? []).map((correction) => ({ incident, correction })))
    .sort((a, b) => b.correction.publishedAt.getTime() - a.correction.publishedAt.getTime() || (a.correction.id < b.correction.id ? 1 : -1));
}

/** What was said — what is true — when; `heading` names the incident in the page-wide log. */
function correctionItem(ctx: SiteContext, correction: PublicCorrection, heading: Html | null): Html {
  const { t } = ctx;
  const at = ctx.local(correction.publishedAt);
  return html`<li>${heading}<dl><dt>${t.corrections.said}</dt><dd><blockquote><p>${correction.said}</p></blockquote></dd><dt>${t.corrections.truth}</dt><dd>${ctx.body(correction.truth)}</dd><dt>${t.corrections.when}</dt><dd>${ctx.time(at, t.dateTime(at))}</dd></dl></li>`;
}

/** An incident page's corrections, newest first, or nothing when it has none. */
export function incidentCorrections(ctx: SiteContext, incident: PublicIncident): Html {
  const corrections = incident.corrections ?? [];
  if (corrections.length === 0) return html``;
  const { t } = ctx;
  return html`<section aria-labelledby="corrections"><h2 id="corrections">${t.corrections.title}</h2><ol class="cl">${corrections.map((correction) => correctionItem(ctx, correction, null))}</ol><p><a href="../corrections.html">${t.corrections.fullLog}</a></p></section>
`;
}

/**
 * corrections.html: the page-wide running log (doctrine §7, OVH's), once a correction is published.
 * It reads every incident's corrections, so it is built again at each build that has any.
 */
export function renderCorrectionsPage(ctx: SiteContext): SiteFile[] {
  if (!ctx.hasCorrections) return [];
  const { t } = ctx;
  const log = correctionsLog(ctx.snapshot.incidents);
  const main = html`<h1>${t.corrections.title}</h1>
<p class="meta">${t.corrections.intro}</p>
${
    log.length === 0
      ? html`<p class="empty">${t.corrections.none}</p>`
      : html`<ol class="cl">${log.map(({ incident, correction }) => correctionItem(ctx, correction, html`<h2><a href="${incidentPath(incident)}">${incident.name}</a></h2>`))}</ol>`
  }`;
  return [{ path: 'corrections.html', contentType: 'text/html; charset=utf-8', body: layout(ctx, { root: '', title: t.corrections.title, section: 'corrections', main }) }];
}
