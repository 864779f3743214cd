import type { Tx } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import type { TimelineEntry } from '../../domain/drills/report.ts';
import type { DrillOutcome } from '../../domain/drills/score.ts';
import type { Ctx } from '../context.ts';
import { loadFactSheet } from '../facts/get-fact-sheet.ts';
import { loadMessages } from '../messages/message-view.ts';
import { listReportForms } from '../regulatory/report-forms.ts';
import { drillIncidentId, openingKey, scenarioOf } from './internal.ts';

const minutesBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / 60_000);

/**
 * What the cell did in the sandbox, read at the drill's end (`ctx.now`): the figures the score is
 * computed from, and the timeline of injects against responses for the report.
 */
export async function measureDrill(tx: Tx, ctx: Ctx, drill: Row<'drills'>): Promise<{ outcome: DrillOutcome; timeline: TimelineEntry[] }> {
  const scenario = scenarioOf(drill);
  const origin = drill.drill_started_at ?? drill.created_at;
  const delivered = await tx.selectFrom('drill_injects').select(['inject_key', 'drill_at']).where('workspace_id', '=', drill.workspace_id).where('drill_id', '=', drill.id).where('inject_key', '!=', openingKey).execute();
  const deliveredKeys = new Set(delivered.map((row) => row.inject_key));
  const language = (await tx.selectFrom('workspaces').select('default_language').where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow()).default_language;
  const timeline: TimelineEntry[] = scenario.injects
    .filter((inject) => deliveredKeys.has(inject.key))
    .map((inject) => ({ minute: inject.atMinute, side: 'inject', kind: inject.kind, text: `${inject.from[language]} — ${inject.text[language]}` }));
  const outcome: DrillOutcome = {
    targetFirstMessageMinutes: scenario.firstMessageMinutes,
    firstPublicAfterMinutes: null,
    publishedMessages: 0,
    promises: { kept: 0, broken: 0, pending: 0 },
    findings: { errors: 0, warnings: 0 },
    contradictions: 0,
    forms: { onTime: 0, late: 0 },
  };
  const incidentId = await drillIncidentId(tx, drill);
  if (!incidentId) return { outcome, timeline };

  const incident = await tx.selectFrom('incidents').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', incidentId).executeTakeFirstOrThrow();
  const updates = await tx
    .selectFrom('incident_updates')
    .select(['body', 'published_at', 'created_at', 'message_id'])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('incident_id', '=', incidentId)
    .orderBy('created_at')
    .execute();
  const detectedAt = incident.detected_at ?? origin;
  if (incident.public_at) outcome.firstPublicAfterMinutes = Math.max(0, minutesBetween(detectedAt, incident.public_at));
  outcome.publishedMessages = updates.length;
  for (const update of updates) {
    const at = update.published_at ?? update.created_at;
    timeline.push({ minute: minutesBetween(origin, at), side: 'response', kind: update.message_id ? 'message' : 'update', text: update.body.length > 280 ? `${update.body.slice(0, 277)}…` : update.body });
  }

  const messages = await tx.selectFrom('messages').selectAll().where('workspace_id', '=', ctx.workspaceId).where('incident_id', '=', incidentId).where('state', '=', 'published').execute();
  for (const row of messages) {
    // The findings as they stood when the message went out, not as the facts read at the end.
    const [message] = await loadMessages(tx, { ...ctx, now: () => row.published_at ?? ctx.now() }, [row]);
    for (const finding of message!.variants.flatMap((variant) => variant.findings)) {
      if (finding.rule === 'contradiction') outcome.contradictions += 1;
      else if (finding.severity === 'error') outcome.findings.errors += 1;
      else if (finding.severity === 'warning') outcome.findings.warnings += 1;
    }
  }

  const sheet = await loadFactSheet(tx, ctx, incidentId);
  for (const promise of sheet.promised) {
    if (promise.kind !== 'promised' || promise.promise_kind !== 'next_update') continue;
    // Doctrine §1: a next update moved before it fell due is a promise kept in spirit.
    if (promise.state === 'kept' || promise.state === 'postponed') outcome.promises.kept += 1;
    else if (promise.state === 'broken' || (promise.state === 'pending' && promise.overdue)) outcome.promises.broken += 1;
    else if (promise.state === 'pending') outcome.promises.pending += 1;
  }

  const forms = await listReportForms({ ctx, incidentId });
  for (const form of forms.reports) {
    if (form.status === 'met' || (form.complete && form.status !== 'late' && form.status !== 'overdue')) outcome.forms.onTime += 1;
    else outcome.forms.late += 1;
  }
  return { outcome, timeline };
}
