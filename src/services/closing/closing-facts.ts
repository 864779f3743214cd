import type { Tx } from '../../adapters/db/connect.ts';
import type { ClosingFacts } from '../../domain/closing/draft.ts';
import { pendingFollowUps } from '../../domain/closing/promise-gate.ts';
import type { Ctx } from '../context.ts';
import { fetchIncident } from '../incident/fetch-incident.ts';
import { getIncidentTimeline } from '../incident/timeline.ts';
import { loadKnownFacts } from '../facts/known-facts.ts';
import { loadClosingSettings } from './closing-settings.ts';
import { loadGatePromises } from './internal.ts';

/** What a closing is built from, read in the caller's transaction: timeline, known facts, follow-ups, workspace. */
export async function loadClosingFacts(tx: Tx, ctx: Ctx, incidentId: string): Promise<ClosingFacts> {
  const incident = await fetchIncident(tx, ctx, incidentId);
  const inner = { ...ctx, tx };
  const [timeline, known, promises, settings, workspace, components, page] = await Promise.all([
    getIncidentTimeline({ ctx: inner, incidentId }),
    loadKnownFacts(tx, ctx, incidentId),
    loadGatePromises(tx, ctx, incidentId),
    loadClosingSettings(tx, ctx.workspaceId),
    tx.selectFrom('workspaces').select(['name', 'time_zone']).where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow(),
    tx
      .selectFrom('incident_components')
      .innerJoin('components', (join) => join.onRef('components.workspace_id', '=', 'incident_components.workspace_id').onRef('components.id', '=', 'incident_components.component_id'))
      .select('components.name')
      .where('incident_components.workspace_id', '=', ctx.workspaceId)
      .where('incident_components.incident_id', '=', incidentId)
      .orderBy('components.position')
      .orderBy('components.id')
      .execute(),
    tx.selectFrom('status_pages').select('url').where('workspace_id', '=', ctx.workspaceId).where('visibility', '=', 'public').where('url', 'is not', null).orderBy('created_at').executeTakeFirst(),
  ]);
  return {
    company: workspace.name,
    timeZone: workspace.time_zone,
    components: components.map((c) => c.name),
    startedAt: incident.occurred_at ?? incident.detected_at ?? incident.created_at,
    resolvedAt: incident.resolved_at,
    events: timeline.events.map((e) => ({ at: e.at, kind: e.kind, ...(e.status ? { status: e.status } : {}) })),
    known: known.map((k) => ({ text: k.text, language: k.language })),
    followUps: pendingFollowUps(promises).map((p) => ({ id: p.id, text: p.text, language: p.row.language, dueAt: p.dueAt })),
    feedbackContact: settings.feedback_contact,
    statusPageUrl: page?.url ?? null,
    now: ctx.now(),
  };
}
