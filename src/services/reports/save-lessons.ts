import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { fetchIncident } from '../incident/fetch-incident.ts';
import { parseInput } from '../schemas.ts';
import { loadLessons, ReportLessonsInput, type ReportLessonsView } from './lessons.ts';

/**
 * Replaces an incident's lessons and actions (doctrine §8: share lessons). Those who read reports and
 * keep the fact sheet write them; If-Match guards against two people saving over each other.
 */
export async function saveReportLessons({ ctx, incidentId, input, expectedVersion }: { ctx: Ctx; incidentId: string; input: ReportLessonsInput; expectedVersion?: number }): Promise<ReportLessonsView> {
  authorize(ctx, 'report.read');
  authorize(ctx, 'facts.edit');
  const data = parseInput(ReportLessonsInput, input);
  return withTransaction(ctx, async (tx) => {
    await fetchIncident(tx, ctx, incidentId, true);
    const before = await loadLessons(tx, ctx, incidentId);
    checkVersion('report lessons', before.version, expectedVersion);
    const values = { lessons: JSON.stringify(data.lessons), actions: JSON.stringify(data.actions), updated_at: ctx.now(), updated_by_name: ctx.actor.name };
    await tx
      .insertInto('report_lessons')
      .values({ workspace_id: ctx.workspaceId, incident_id: incidentId, ...values, version: 1 })
      .onConflict((oc) => oc.columns(['workspace_id', 'incident_id']).doUpdateSet({ ...values, version: before.version + 1 }))
      .execute();
    await recordAudit(tx, ctx, {
      action: 'report.lessons_save', entityType: 'incident_report', entityId: incidentId,
      before: before.version === 0 ? undefined : { lessons: before.lessons, actions: before.actions },
      after: data,
    });
    return loadLessons(tx, ctx, incidentId);
  });
}
