import type { PublicSnapshot, SiteFile } from './snapshot.ts';
import { renderHtml } from './html/render-html.ts';
import { renderStatuspageApi } from './statuspage-v2.ts';
import { renderFeeds } from './feeds.ts';
import { renderBadge } from './badge.ts';

/** Every file of one status page: HTML, Statuspage-compatible JSON, feeds and badges. */
export function renderSite(snapshot: PublicSnapshot): SiteFile[] {
  return [...renderHtml(snapshot), ...renderStatuspageApi(snapshot), ...renderFeeds(snapshot), ...renderBadge(snapshot)];
}
