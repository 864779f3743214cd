import type { SiteContext } from './context.ts';
import { html, type Html } from './escape.ts';

/** A paginated listing: `first` at the top of the folder, later pages as `<folder>/<n>.html`. */
export interface Pages {
  /** e.g. 'history' → history.html, history/2.html, … */
  name: string;
  count: number;
}

export function pagePath(pages: Pages, page: number): string {
  return page === 1 ? `${pages.name}.html` : `${pages.name}/${page}.html`;
}

export function pageRoot(page: number): string {
  return page === 1 ? '' : '../';
}

/** Cuts a list into pages of `size`; an empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
  return pages.length === 0 ? [[]] : pages;
}

/** Newer / older links and a window of page numbers around the current one, first and last always shown. */
export function pagerNav(ctx: SiteContext, pages: Pages, current: number): Html {
  if (pages.count <= 1) return html``;
  const { t } = ctx;
  const root = pageRoot(current);
  const href = (page: number) => `${root}${pagePath(pages, page)}`;
  const numbers: (number | null)[] = [];
  for (let page = 1; page <= pages.count; page++) {
    if (page === 1 || page === pages.count || Math.abs(page - current) <= 2) numbers.push(page);
    else if (numbers.at(-1) !== null) numbers.push(null);
  }
  return html`<nav class="pager" aria-label="${t.pagination}"><p>${t.pageOf(current, pages.count)}</p><ul>${
    current > 1 ? html`<li><a rel="prev" href="${href(current - 1)}">${t.newer}</a></li>` : ''
  }${numbers.map((page) =>
    page === null ? html`<li aria-hidden="true">…</li>` : page === current ? html`<li><a href="${href(page)}" aria-current="page">${page}</a></li>` : html`<li><a href="${href(page)}">${page}</a></li>`,
  )}${current < pages.count ? html`<li><a rel="next" href="${href(current + 1)}">${t.older}</a></li>` : ''}</ul></nav>`;
}
