import type { ComponentStatus } from '../../domain/component/status.ts';
import type { PublicComponent, PublicGroup, PublicIncident } from '../snapshot.ts';
import { uptimeOverLast, uptimeWindowDays, type Uptime, type UptimeDay } from '../uptime.ts';
import { safeId, type SiteContext } from './context.ts';
import { html, trusted, type Html } from './escape.ts';
import { phoneDays } from './style.ts';
import { incidentView, newestFirst } from '../incident-views.ts';

/** One-letter classes keep 90 bars per component light; the stylesheet maps them to colors. */
export const statusClass: Record<ComponentStatus, string> = {
  operational: 'o',
  degraded_performance: 'd',
  partial_outage: 'p',
  major_outage: 'm',
  under_maintenance: 'u',
};

/** What a day's detail lists, worst first. */
const disruptions: ComponentStatus[] = ['major_outage', 'partial_outage', 'degraded_performance', 'under_maintenance'];

/** Day names by language, zone and date, kept between builds: 90 dates formatted once a day, not once a publish. */
const dayNames = new Map<string, string>();

/** Whether the public sees the component: one that only shows when degraded hides while operational. */
export function isShown(component: PublicComponent): boolean {
  return !component.onlyShowIfDegraded || component.status !== 'operational';
}

function dayDetail(ctx: SiteContext, day: UptimeDay): string {
  if (day.worst === null) return ctx.t.noData;
  const parts = disruptions.filter((status) => day.minutes[status] > 0).map((status) => `${ctx.t.componentStatus[status]} (${ctx.t.duration(day.minutes[status])})`);
  return parts.length === 0 ? ctx.t.noDowntime : parts.join(', ');
}

function percentText(ctx: SiteContext, percent: number | null): string {
  return percent === null ? ctx.t.noData : ctx.t.uptime(ctx.t.percent(percent));
}

function incidentsOn(ctx: SiteContext, incidents: PublicIncident[], day: UptimeDay): PublicIncident[] {
  const untilMs = ctx.snapshot.generatedAt.getTime();
  return incidents.filter((incident) => incident.startedAt < day.end && (incident.resolvedAt?.getTime() ?? untilMs) >= day.start.getTime());
}

/**
 * Each day's bar and detail line, kept with the day: the uptime keeps settled days as the same
 * objects between builds, so a publish builds today's bar, not 90 per component.
 */
const bars = new WeakMap<UptimeDay, { key: string; bar: Html }>();
/** The settled days' bars joined, kept with them: a publish adds today's bar, not 89 others. */
const settledBars = new WeakMap<UptimeDay[], { key: string; bars: string }>();
const dayLines = new WeakMap<UptimeDay, { key: string; line: Html }>();

/** 90 bars whose color is the day's worst status, each titled; the same facts as text in a `<details>`. */
function uptimeBars(ctx: SiteContext, uptime: Uptime, incidents: PublicIncident[], root: string, dayName: (day: UptimeDay) => string): Html {
  const { t } = ctx;
  const frame = `${ctx.snapshot.page.language}|${ctx.snapshot.page.timeZone}`;
  const barOf = (day: UptimeDay) => {
    const known = bars.get(day);
    if (known?.key === frame) return known.bar;
    const kind = day.worst === null ? 'n' : day.worst === 'operational' ? '' : statusClass[day.worst];
    const bar = html`<i${kind ? html` class="${kind}"` : ''} title="${t.labelled(dayName(day), dayDetail(ctx, day))}"></i>`;
    bars.set(day, { key: frame, bar });
    return bar;
  };
  let settled = settledBars.get(uptime.settledDays);
  if (settled?.key !== frame) settledBars.set(uptime.settledDays, (settled = { key: frame, bars: uptime.settledDays.map((day) => barOf(day).value).join('') }));
  const dayBars = trusted(settled.bars + barOf(uptime.days.at(-1)!).value);
  const disrupted = uptime.days.filter((day) => day.worst !== null && day.worst !== 'operational').reverse();
  const details = disrupted.length === 0 ? '' : html`<details><summary>${t.disruptedDays(disrupted.length)}</summary><ul class="days">${disrupted.map((day) => {
    const related = incidentsOn(ctx, incidents, day);
    let key = `${frame}|${root}`;
    for (const incident of related) key += `|${incident.id}\u0000${incident.name}`;
    const known = dayLines.get(day);
    if (known?.key === key) return known.line;
    const line = html`<li>${t.labelled(dayName(day), dayDetail(ctx, day))}${related.length === 0 ? '' : html`. ${t.related(related.length)} ${related.map((incident, index) => html`${index > 0 ? ', ' : ''}<a href="${root}incidents/${safeId(incident.id)}.html">${incident.name}</a>`)}`}</li>`;
    dayLines.set(day, { key, line });
    return line;
  })}</ul></details>`;
  return html`<div class="bars" role="img" aria-label="${t.uptimeWindow(uptime.percent === null ? null : t.percent(uptime.percent), uptimeWindowDays)}">${dayBars}</div>
<p class="axis"><span class="d90">${t.daysAgo(uptimeWindowDays)}</span><span class="d30">${t.daysAgo(phoneDays)}</span><span class="d90">${percentText(ctx, uptime.percent)}</span><span class="d30">${
    percentText(ctx, uptimeOverLast(uptime, phoneDays))
  }</span><span>${t.today}</span></p>${details}`;
}

function componentItem(ctx: SiteContext, component: PublicComponent, incidents: PublicIncident[], root: string, dayName: (day: UptimeDay) => string): Html {
  const uptime = ctx.uptime.components.get(component.id);
  return html`<li><div class="ch"><span class="cn">${component.name}</span> <span class="st ${statusClass[component.status]}">${ctx.t.componentStatus[component.status]}</span></div>${
    component.description ? html`<p class="cd">${component.description}</p>` : ''
  }${component.showcase && uptime ? uptimeBars(ctx, uptime, incidents, root, dayName) : ''}</li>`;
}

function legend(ctx: SiteContext): Html {
  const { t } = ctx;
  const entry = (kind: string, label: string) => html`<li><i class="${kind}"></i>${label}</li>`;
  return html`<ul class="legend" aria-label="${t.legend}">${(Object.keys(statusClass) as ComponentStatus[]).map((status) => entry(statusClass[status], t.componentStatus[status]))}${entry('n', t.noData)}</ul>`;
}

/** Open incidents first, then the latest resolved first: those that can touch the bars' days come first. */
function incidentsByEnd(incidents: readonly PublicIncident[]): readonly PublicIncident[] {
  const endOf = (incident: PublicIncident) => incident.resolvedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return incidentView(incidents, 'by-end', () => true, (a, b) => (endOf(a) === endOf(b) ? newestFirst(a, b) : endOf(b) > endOf(a) ? 1 : -1));
}

/** Components by group, each with its current status in words and, when showcased, its 90 days. */
export function componentsSection(ctx: SiteContext, root: string): Html {
  const { t, snapshot } = ctx;
  const incidentsOf = new Map<string, PublicIncident[]>();
  // Only incidents that can touch a day of the window are listed under its bars.
  const windowStartMs = snapshot.historyStart.getTime() - 86_400_000;
  const untilMs = snapshot.generatedAt.getTime();
  const touching: PublicIncident[] = [];
  for (const incident of incidentsByEnd(snapshot.incidents)) {
    if ((incident.resolvedAt?.getTime() ?? untilMs) < windowStartMs) break;
    touching.push(incident);
  }
  for (const incident of touching.sort(newestFirst)) {
    for (const id of incident.componentIds) {
      const list = incidentsOf.get(id);
      if (list) list.push(incident);
      else incidentsOf.set(id, [incident]);
    }
  }
  // Every component has the same 90 days: name each once, not once per bar.
  const dayName = (day: UptimeDay) => {
    const key = `${snapshot.page.language}|${snapshot.page.timeZone}|${day.date}`;
    let name = dayNames.get(key);
    if (name === undefined) {
      if (dayNames.size >= 10_000) dayNames.clear();
      dayNames.set(key, (name = t.date(ctx.local(day.start))));
    }
    return name;
  };
  const list = (components: PublicComponent[]) =>
    html`<ul class="cmp">${components.map((component) => componentItem(ctx, component, incidentsOf.get(component.id) ?? [], root, dayName))}</ul>`;

  const grouped = new Set<string>();
  const groups = snapshot.groups.flatMap((group) => {
    const members = group.componentIds.flatMap((id) => ctx.componentsById.get(id) ?? []);
    for (const member of members) grouped.add(member.id);
    const shown = members.filter(isShown);
    return shown.length === 0 ? [] : [{ group, shown }];
  });
  const others = snapshot.components.filter((component) => !grouped.has(component.id) && isShown(component));
  if (groups.length === 0 && others.length === 0) return html`<h2 id="services">${t.services}</h2><p class="empty">${t.noServices}</p>`;

  const groupSection = ({ group, shown }: { group: PublicGroup; shown: PublicComponent[] }) => {
    const uptime = ctx.uptime.groups.get(group.id);
    const id = `g-${safeId(group.id)}`;
    return html`<section class="grp" aria-labelledby="${id}"><div class="gh"><h3 id="${id}">${group.name}</h3>${
      uptime && uptime.percent !== null ? html`<span>${percentText(ctx, uptime.percent)}</span>` : ''
    }</div>${group.description ? html`<p class="cd">${group.description}</p>` : ''}${list(shown)}</section>`;
  };
  const hasBars = snapshot.components.some((component) => component.showcase && isShown(component));
  return html`<h2 id="services">${t.services}</h2>${hasBars ? legend(ctx) : ''}${groups.map(groupSection)}${
    others.length === 0 ? '' : groups.length === 0 ? list(others) : html`<section class="grp" aria-labelledby="g-others"><div class="gh"><h3 id="g-others">${t.otherServices}</h3></div>${list(others)}</section>`
  }`;
}
