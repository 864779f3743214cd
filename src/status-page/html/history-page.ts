import type { DateTime } from 'luxon';
import type { PublicIncident, SiteFile } from '../snapshot.ts';
import type { SiteContext } from './context.ts';
import { html, type Html } from './escape.ts';
import { incidentPath, incidentsByStart } from './incidents.ts';
import { layout } from './layout.ts';
import { pagePath, pageRoot, pagerNav, paginate, type Pages } from './pagination.ts';

/** Incidents per history page: ~20 KB of HTML, so 10,000 incidents make 200 light pages. */
export const historyPageSize = 50;
/** The first page always shows this many recent months, "no incidents" included. */
const recentMonths = 3;

const monthKey = (at: DateTime) => at.toFormat('yyyy-MM');

/** Each incident's line, kept while the incident object lives (see render-memo.ts), per frame and folder depth. */
const items = new WeakMap<PublicIncident, { key: string; item: Html }>();

function incidentItem(ctx: SiteContext, incident: PublicIncident, root: string): Html {
  const key = `${ctx.frameKey}|${root}`;
  const known = items.get(incident);
  if (known?.key === key) return known.item;
  const item = buildIncidentItem(ctx, incident, root);
  items.set(incident, { key, item });
  return item;
}

function buildIncidentItem(ctx: SiteContext, incident: PublicIncident, root: string): Html {
  const { t } = ctx;
  const started = ctx.local(incident.startedAt);
  const when = incident.resolvedAt ? t.window(started, ctx.local(incident.resolvedAt), ctx.time) : [ctx.time(started, t.dateTime(started))];
  return html`<li><a href="${root}${incidentPath(incident)}">${incident.name}</a><p class="meta">${t.incidentStatus[incident.status]} · ${when}</p></li>`;
}

/** history.html and history/<n>.html: every incident by month of its start, newest month first. */
export function renderHistoryPages(ctx: SiteContext): SiteFile[] {
  const { snapshot } = ctx;
  const sorted = incidentsByStart(snapshot.incidents);
  const chunks = paginate(sorted, historyPageSize);
  const pages: Pages = { name: 'history', count: chunks.length };
  const recent = Array.from({ length: recentMonths }, (_, back) => ctx.now.startOf('month').minus({ months: back }));

  return chunks.map((chunk, index) => {
    const page = index + 1;
    // The first page names the recent months, "no incidents" included: this month is an input.
    const inputs = [ctx.frameKey, pages.count, page === 1 ? monthKey(ctx.now) : null, ...chunk];
    return ctx.memo.file(pagePath(pages, page), inputs, () => historyPage(ctx, chunk, pages, page, recent, sorted.length));
  });
}

/** One page of the history: its incidents grouped by month, newest first. */
function historyPage(ctx: SiteContext, chunk: readonly PublicIncident[], pages: Pages, page: number, recent: DateTime[], total: number): Omit<SiteFile, 'path'> {
  const { t } = ctx;
  const root = pageRoot(page);
  const months = new Map<string, { at: DateTime; incidents: PublicIncident[] }>();
  for (const incident of chunk) {
    const at = ctx.local(incident.startedAt);
    const key = monthKey(at);
    const month = months.get(key);
    if (month) month.incidents.push(incident);
    else months.set(key, { at, incidents: [incident] });
  }
  if (page === 1) {
    // Quiet recent months say so, as long as they do not jump ahead of incidents on later pages.
    const oldest = chunk.length > 0 ? monthKey(ctx.local(chunk.at(-1)!.startedAt)) : '';
    for (const at of recent) if (!months.has(monthKey(at)) && (pages.count === 1 || monthKey(at) > oldest)) months.set(monthKey(at), { at, incidents: [] });
  }
  const sections = [...months.entries()]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([key, month]) => html`<section aria-labelledby="h-${key}"><h2 id="h-${key}">${t.month(month.at)}</h2>${
      month.incidents.length === 0 ? html`<p class="empty">${t.noIncidentsThisMonth}</p>` : html`<ul class="list">${month.incidents.map((incident) => incidentItem(ctx, incident, root))}</ul>`
    }</section>`);
  const main = html`<h1>${t.historyTitle}</h1>${total === 0 && sections.length === 0 ? html`<p class="empty">${t.noIncidents}</p>` : sections}${pagerNav(ctx, pages, page)}`;
  const title = page === 1 ? t.historyTitle : `${t.historyTitle} (${t.pageOf(page, pages.count)})`;
  return { contentType: 'text/html; charset=utf-8', body: layout(ctx, { root, title, section: 'history', main }) };
}
