import { isOpen } from '../../domain/incident/lifecycle.ts';
import type { PublicIncident, PublicSnapshot, SiteFile } from '../snapshot.ts';
import type { RenderMemo } from '../render-memo.ts';
import { renderWidget } from '../widget.ts';
import { siteContext } from './context.ts';
import { renderCorrectionsPage } from './corrections-page.ts';
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
  const pages: SiteFile[] = [
    { path: 'index.html', contentType: htmlType, body: renderIndexPage(ctx) },
    { path: 'style.css', contentType: 'text/css; charset=utf-8', body: stylesheet },
  ];
  return pages.concat(
    // A closed incident's page reads the incident, the frame and its components' names.
    ctx.memo.files<PublicIncident>([ctx.frameKey, ...snapshot.components.map((component) => `${component.id}\u0000${component.name}`)], snapshot.incidents, {
      path: (incident) => incidentPath(incident),
      inputs: (incident) => incidentPageInputs(ctx, incident),
      isSettled: (incident) => !isOpen(incident.status),
      build: (incident) => ({ body: renderIncidentPage(ctx, incident).body, contentType: htmlType }),
    }),
    renderHistoryPages(ctx),
    renderMaintenancePages(ctx),
    renderCorrectionsPage(ctx),
    renderWidget(snapshot),
  );
}
