import { isOpen } from '../../domain/incident/lifecycle.ts';
import { isActive } from '../../domain/maintenance/lifecycle.ts';
import type { PublicIncident, PublicMaintenance } from '../snapshot.ts';
import { componentsSection } from './components.ts';
import type { SiteContext } from './context.ts';
import { html, type Html } from './escape.ts';
import { incidentCard, incidentPath, incidentsByStart, openIncidents } from './incidents.ts';
import { layout } from './layout.ts';
import { maintenanceCard } from './maintenances.ts';
import type { Indicator } from './rollup.ts';
import { subscribeForm } from './subscribe-form.ts';

/** How far back the home page lists closed incidents, and how many at most. */
const recentDays = 14;
const recentLimit = 10;

export const indicatorClass: Record<Indicator, string> = { none: 'o', minor: 'd', major: 'p', critical: 'm', maintenance: 'u' };

const bySchedule = (a: PublicMaintenance, b: PublicMaintenance) => a.scheduledFor.getTime() - b.scheduledFor.getTime();

function section(id: string, title: string, content: Html): Html {
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2>${content}</section>`;
}

/** index.html: the overall status, what is going on, every component, what is planned, what just happened. */
export function renderIndexPage(ctx: SiteContext): string {
  const { t, snapshot, rollup } = ctx;
  const open = openIncidents(snapshot.incidents);
  const active = snapshot.maintenances.filter((maintenance) => isActive(maintenance.status)).sort(bySchedule);
  const upcoming = snapshot.maintenances.filter((maintenance) => maintenance.status === 'scheduled').sort(bySchedule);
  const sinceMs = snapshot.generatedAt.getTime() - recentDays * 86_400_000;
  const recent: PublicIncident[] = [];
  for (const incident of incidentsByStart(snapshot.incidents)) {
    if (incident.startedAt.getTime() < sinceMs || recent.length === recentLimit) break;
    if (!isOpen(incident.status)) recent.push(incident);
  }

  const main = html`<div class="banner ${indicatorClass[rollup.indicator]}"><h1>${t.rollup[rollup.key]}</h1><p>${t.updatedAt(ctx.now, ctx.time)}</p></div>
${open.length > 0 ? section('open', t.ongoingIncidents, html`${open.map((incident) => incidentCard(ctx, incident))}`) : ''}
${active.length > 0 ? section('active', t.activeMaintenances, html`${active.map((maintenance) => maintenanceCard(ctx, maintenance, 3))}`) : ''}
<section aria-labelledby="services">${componentsSection(ctx, '')}</section>
${upcoming.length > 0 ? section('upcoming', t.upcomingMaintenances, html`${upcoming.map((maintenance) => maintenanceCard(ctx, maintenance, 3))}`) : ''}
${section('recent', t.recentIncidents, html`${
    recent.length === 0
      ? html`<p class="empty">${t.noRecentIncidents(recentDays)}</p>`
      : html`<ul class="list">${recent.map((incident) => {
          const at = ctx.local(incident.startedAt);
          return html`<li><a href="${incidentPath(incident)}">${incident.name}</a> <span class="meta">${t.incidentStatus[incident.status]} · ${ctx.time(at, t.date(at))}</span></li>`;
        })}</ul>`
  }<p><a href="history.html">${t.fullHistory}</a></p>`)}
${subscribeForm(ctx)}`;
  return layout(ctx, { root: '', title: t.rollup[rollup.key], section: 'status', main });
}
