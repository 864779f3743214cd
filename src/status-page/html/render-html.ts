import type { PublicSnapshot, SiteFile } from '../snapshot.ts';
import type { RenderMemo } from '../render-memo.ts';
import { renderWidget } from '../widget.ts';
import { siteContext } from './context.ts';
import { renderHistoryPages } from './history-page.ts';
import { incidentPageInputs, renderIncidentPage } from './incident-page.ts';
import { incidentPath } from './incidents.ts';
import { renderIndexPage } from './index-page.ts';
import { renderMaintenancePages } from './maintenances-page.ts';
import { stylesheet } from './style.ts';

const htmlType = 'text/html; charset=utf-8';

/**
 * The HTML side of the static status page, from the public snapshot alone: index.html, one page
 * per incident, the paginated history, the maintenance calendar, style.css and the widget. Links
 * are relative and there is no inline script, so the folder works under any path and strict CSP.
 */
export function renderHtml(snapshot: PublicSnapshot, memo?: RenderMemo): SiteFile[] {
  const ctx = siteContext(snapshot, memo);
  return [
    { path: 'index.html', contentType: htmlType, body: renderIndexPage(ctx) },
    { path: 'style.css', contentType: 'text/css; charset=utf-8', body: stylesheet },
    ...snapshot.incidents.map((incident) =>
      ctx.memo.file(incidentPath(incident), incidentPageInputs(ctx, incident), () => ({ body: renderIncidentPage(ctx, incident).body, contentType: htmlType })),
    ),
    ...renderHistoryPages(ctx),
    ...renderMaintenancePages(ctx),
    ...renderWidget(snapshot),
  ];
}
