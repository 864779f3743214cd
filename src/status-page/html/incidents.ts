import { worstStatus } from '../../domain/component/status.ts';
import { isOpen } from '../../domain/incident/lifecycle.ts';
import type { PublicAffectedComponent, PublicIncident } from '../snapshot.ts';
import { statusClass } from './components.ts';
import { safeId, type SiteContext } from './context.ts';
import { html, type Html } from './escape.ts';
import { incidentView, newestFirst } from '../incident-views.ts';

export const incidentPath = (incident: Pick<PublicIncident, 'id'>) => `incidents/${safeId(incident.id)}.html`;

/** Every incident, latest start first (ties newest first): the history's order. */
export function incidentsByStart(incidents: readonly PublicIncident[]): readonly PublicIncident[] {
  return incidentView(incidents, 'by-start', () => true, (a, b) => b.startedAt.getTime() - a.startedAt.getTime() || newestFirst(a, b));
}

/** The incidents still open, newest first. */
export function openIncidents(incidents: readonly PublicIncident[]): readonly PublicIncident[] {
  return incidentView(incidents, 'open', (incident) => isOpen(incident.status), newestFirst);
}

/** One entry of a timeline: who said what, when, and what it did to components. */
export function timelineEntry(ctx: SiteContext, label: string, displayAt: Date, body: string, affected: PublicAffectedComponent[] | null = null): Html {
  const { t } = ctx;
  const at = ctx.local(displayAt);
  return html`<li><p class="uh"><strong>${label}</strong> ${ctx.time(at, t.dateTime(at))}</p><div class="ub">${ctx.body(body)}</div>${
    affected && affected.length > 0
      ? html`<ul class="ua">${affected.map((change) => html`<li>${t.labelled(change.name, `${t.componentStatus[change.old_status]} → ${t.componentStatus[change.new_status]}`)}</li>`)}</ul>`
      : ''
  }</li>`;
}

/** Newest first, whatever order the updates came in. */
export function incidentTimeline(ctx: SiteContext, incident: PublicIncident): Html {
  const updates = [...incident.updates].sort((a, b) => b.displayAt.getTime() - a.displayAt.getTime());
  return html`<ol class="tl">${updates.map((update) => timelineEntry(ctx, ctx.t.incidentStatus[update.status], update.displayAt, update.body, update.affectedComponents))}</ol>`;
}

/**
 * The components an incident or maintenance touches; with `isCurrent`, each with its status now
 * ("Object storage (Partial outage)"), which only makes sense while it is going on.
 */
export function affectsLine(ctx: SiteContext, componentIds: string[], isCurrent: boolean): Html {
  const names = componentIds.flatMap((id) => {
    const component = ctx.componentsById.get(id);
    if (!component) return [];
    return [isCurrent ? `${component.name} (${ctx.t.componentStatus[component.status]})` : component.name];
  });
  return names.length === 0 ? html`` : html`<p class="meta">${ctx.t.labelled(ctx.t.affects, names.join(', '))}</p>`;
}

/** The public promise of the next update, only while the incident is open. */
export function promiseLine(ctx: SiteContext, incident: PublicIncident): Html {
  if (!incident.nextUpdateAt || !isOpen(incident.status)) return html``;
  const at = ctx.local(incident.nextUpdateAt);
  return html`<p class="promise">${ctx.t.nextUpdate(at, at.hasSame(ctx.now, 'day'), ctx.time)}</p>`;
}

/** An open incident on the home page: title linking to its permalink, promise, full timeline. */
export function incidentCard(ctx: SiteContext, incident: PublicIncident): Html {
  const id = `i-${safeId(incident.id)}`;
  // The accent repeats in color what the "affects" line says in words.
  const worst = worstStatus(incident.componentIds.flatMap((cid) => ctx.componentsById.get(cid)?.status ?? []));
  return html`<article class="card ${worst === 'operational' ? 'd' : statusClass[worst]}" aria-labelledby="${id}"><h3 id="${id}"><a href="${incidentPath(incident)}">${incident.name}</a></h3>
${affectsLine(ctx, incident.componentIds, true)}${promiseLine(ctx, incident)}${incidentTimeline(ctx, incident)}</article>`;
}
