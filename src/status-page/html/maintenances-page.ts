import type { DateTime } from 'luxon';
import type { PublicMaintenance, SiteFile } from '../snapshot.ts';
import { safeId, type SiteContext } from './context.ts';
import { html, type Html } from './escape.ts';
import { layout } from './layout.ts';
import { maintenanceCard } from './maintenances.ts';
import { pagePath, pageRoot, pagerNav, paginate, type Pages } from './pagination.ts';

/** Months per calendar page: a year of months at most on one page. */
export const calendarPageSize = 12;

const monthKey = (at: DateTime) => at.toFormat('yyyy-MM');

interface Month {
  key: string;
  start: DateTime;
  /** Maintenances scheduled to start this month: their cards live here. */
  starting: PublicMaintenance[];
  /** Maintenances on each day of the month (1-based), for the grid. */
  days: Map<number, PublicMaintenance[]>;
}

/** Every month a maintenance touches, plus the current one, newest first. */
function monthsOf(ctx: SiteContext): Month[] {
  const months = new Map<string, Month>();
  const monthAt = (at: DateTime) => {
    const key = monthKey(at);
    let month = months.get(key);
    if (!month) months.set(key, (month = { key, start: at.startOf('month'), starting: [], days: new Map() }));
    return month;
  };
  monthAt(ctx.now);
  const sorted = [...ctx.snapshot.maintenances].sort((a, b) => a.scheduledFor.getTime() - b.scheduledFor.getTime());
  for (const maintenance of sorted) {
    const from = ctx.local(maintenance.scheduledFor);
    // The window ends at scheduledUntil exclusive: work ending at midnight does not mark the next day.
    const lastDay = ctx.local(new Date(Math.max(maintenance.scheduledFor.getTime(), maintenance.scheduledUntil.getTime() - 1))).startOf('day');
    monthAt(from).starting.push(maintenance);
    for (let day = from.startOf('day'); day <= lastDay; day = day.plus({ days: 1 })) {
      const month = monthAt(day);
      month.days.set(day.day, [...(month.days.get(day.day) ?? []), maintenance]);
    }
  }
  return [...months.values()].sort((a, b) => (a.key < b.key ? 1 : -1));
}

function calendar(ctx: SiteContext, month: Month, hrefOf: (maintenance: PublicMaintenance) => string): Html {
  const { t } = ctx;
  const lead = month.start.weekday - 1;
  const cells: Html[] = Array.from({ length: lead }, () => html`<td></td>`);
  const isThisMonth = month.key === monthKey(ctx.now);
  for (let day = 1; day <= month.start.daysInMonth!; day++) {
    const on = month.days.get(day) ?? [];
    const isToday = isThisMonth && day === ctx.now.day;
    cells.push(html`<td${on.length > 0 ? html` class="mt"` : ''}${isToday ? html` aria-current="date"` : ''}><span class="dn">${day}</span>${
      isToday ? html`<span class="vh"> (${t.todayMark})</span>` : ''
    }${on.map((maintenance) => html`<a href="${hrefOf(maintenance)}">${maintenance.name}</a>`)}</td>`);
  }
  while (cells.length % 7 !== 0) cells.push(html`<td></td>`);
  const rows: Html[] = [];
  for (let start = 0; start < cells.length; start += 7) rows.push(html`<tr>${cells.slice(start, start + 7)}</tr>`);
  return html`<table class="cal" aria-labelledby="h-${month.key}"><thead><tr>${t.weekdays.map((day) => html`<th scope="col"><abbr title="${day.long}">${day.short}</abbr></th>`)}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** maintenances.html and maintenances/<n>.html: a month grid per month, then that month's maintenances. */
export function renderMaintenancePages(ctx: SiteContext): SiteFile[] {
  const { t } = ctx;
  const chunks = paginate(monthsOf(ctx), calendarPageSize);
  const pages: Pages = { name: 'maintenances', count: chunks.length };
  const pageOf = new Map<string, number>();
  chunks.forEach((chunk, index) => chunk.forEach((month) => month.starting.forEach((maintenance) => pageOf.set(maintenance.id, index + 1))));

  return chunks.map((chunk, index) => {
    const page = index + 1;
    const root = pageRoot(page);
    const hrefOf = (maintenance: PublicMaintenance) => {
      const target = pageOf.get(maintenance.id) ?? page;
      return `${target === page ? '' : `${root}${pagePath(pages, target)}`}#m-${safeId(maintenance.id)}`;
    };
    const sections = chunk.map((month) => html`<section aria-labelledby="h-${month.key}"><h2 id="h-${month.key}">${t.month(month.start)}</h2>${calendar(ctx, month, hrefOf)}${
      month.starting.map((maintenance) => maintenanceCard(ctx, maintenance, 3, true))
    }</section>`);
    const main = html`<h1>${t.maintenancesTitle}</h1>${ctx.snapshot.maintenances.length === 0 ? html`<p class="empty">${t.noMaintenances}</p>` : ''}${sections}${pagerNav(ctx, pages, page)}`;
    const title = page === 1 ? t.maintenancesTitle : `${t.maintenancesTitle} (${t.pageOf(page, pages.count)})`;
    return { path: pagePath(pages, page), contentType: 'text/html; charset=utf-8', body: layout(ctx, { root, title, section: 'maintenances', main }) };
  });
}
