import { isActive } from '../../domain/maintenance/lifecycle.ts';
import type { PublicMaintenance } from '../snapshot.ts';
import { safeId, type SiteContext } from './context.ts';
import { html, type Html } from './escape.ts';
import { affectsLine, timelineEntry } from './incidents.ts';

/** A maintenance with its window, the components it touches and its updates, newest first. */
export function maintenanceCard(ctx: SiteContext, maintenance: PublicMaintenance, level: 2 | 3, anchor = false): Html {
  const { t } = ctx;
  const id = `m-${safeId(maintenance.id)}`;
  const heading = level === 2 ? html`<h2 id="${id}-h">${maintenance.name}</h2>` : html`<h3 id="${id}-h">${maintenance.name}</h3>`;
  const updates = [...maintenance.updates].sort((a, b) => b.displayAt.getTime() - a.displayAt.getTime());
  return html`<article class="card u"${anchor ? html` id="${id}"` : ''} aria-labelledby="${id}-h">${heading}
<p class="meta"><strong>${t.maintenanceStatus[maintenance.status]}</strong> · ${t.window(ctx.local(maintenance.scheduledFor), ctx.local(maintenance.scheduledUntil), ctx.time)}</p>
${affectsLine(ctx, maintenance.componentIds, isActive(maintenance.status))}<ol class="tl">${updates.map((update) => timelineEntry(ctx, t.maintenanceStatus[update.status], update.displayAt, update.body))}</ol></article>`;
}
