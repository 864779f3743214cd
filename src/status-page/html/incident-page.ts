import { isOpen } from '../../domain/incident/lifecycle.ts';
import type { PublicIncident } from '../snapshot.ts';
import type { SiteContext } from './context.ts';
import { html } from './escape.ts';
import { affectsLine, incidentPath, incidentTimeline, promiseLine } from './incidents.ts';
import { incidentCorrections } from './corrections-page.ts';
import { layout } from './layout.ts';

/**
 * What an incident page reads besides the frame: the incident, its components' names, and while it
 * is open their statuses and today's date (the promise says "today" or a date).
 */
export function incidentPageInputs(ctx: SiteContext, incident: PublicIncident): unknown[] {
  const open = isOpen(incident.status);
  const components = incident.componentIds.map((id) => {
    const component = ctx.componentsById.get(id);
    return component ? `${component.name}\u0000${open ? component.status : ''}` : null;
  });
  return [ctx.frameKey, incident, open ? ctx.now.toISODate() : null, ...components];
}

/** incidents/<id>.html: the permalink clients build from `page.url`, with the whole timeline. */
export function renderIncidentPage(ctx: SiteContext, incident: PublicIncident): { path: string; body: string } {
  const { t } = ctx;
  const started = ctx.local(incident.startedAt);
  const resolved = incident.resolvedAt ? ctx.local(incident.resolvedAt) : null;
  const main = html`<h1>${incident.name}</h1>
<p class="meta"><strong>${t.incidentStatus[incident.status]}</strong></p>
<dl class="facts"><div><dt>${t.started}</dt><dd>${ctx.time(started, t.dateTime(started))}</dd></div>${
    resolved
      ? html`<div><dt>${t.resolved}</dt><dd>${ctx.time(resolved, t.dateTime(resolved))}</dd></div><div><dt>${t.durationLabel}</dt><dd>${t.duration((resolved.toMillis() - started.toMillis()) / 60_000)}</dd></div>`
      : ''
  }</dl>
${affectsLine(ctx, incident.componentIds, isOpen(incident.status))}${promiseLine(ctx, incident)}
${incidentCorrections(ctx, incident)}<section aria-labelledby="timeline"><h2 id="timeline">${t.timeline}</h2>${incidentTimeline(ctx, incident)}</section>`;
  return { path: incidentPath(incident), body: layout(ctx, { root: '../', title: incident.name, section: null, main }) };
}
