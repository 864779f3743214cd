import { defaultEscalationPolicy, stepAudience, type EscalationStep } from '../../domain/clocks/communication.ts';
import { isOpen, type IncidentStatus } from '../../domain/incident/lifecycle.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { authorize, type Ctx } from '../context.ts';
import { clocksOf, loadClockSources } from './send-reminders.ts';

const steps: EscalationStep[] = ['reminder', 'due', 'escalation'];
const minute = 60_000;

/**
 * An incident's communication clocks as the war room shows them: the first message and the next
 * update, each with its deadline, status and the escalation steps (when, to whom, how many
 * reminders were queued and sent).
 */
export async function getCommunicationClocks({ ctx, incidentId }: { ctx: Ctx; incidentId: string }) {
  authorize(ctx, 'incident.read');
  const [incident] = await loadClockSources(ctx.db, { workspaceId: ctx.workspaceId, incidentId });
  if (!incident) throw new NotFoundError('incident', incidentId);
  const now = ctx.now();
  const policy = { remindBeforeMinutes: incident.remind_before_minutes ?? defaultEscalationPolicy.remindBeforeMinutes, escalateAfterMinutes: incident.escalate_after_minutes ?? defaultEscalationPolicy.escalateAfterMinutes };
  const reminders = await (ctx.tx ?? ctx.db.db)
    .selectFrom('deliveries')
    .select(['dedupe_key', 'state'])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('dedupe_key', 'like', `c:${incidentId}:%`)
    .execute();
  const offsets: Record<EscalationStep, number> = { reminder: -policy.remindBeforeMinutes * minute, due: 0, escalation: policy.escalateAfterMinutes * minute };
  return {
    incident_id: incidentId,
    time_zone: incident.time_zone,
    clocks: clocksOf(incident, now, isOpen(incident.status as IncidentStatus)).map((clock) => ({
      id: clock.id,
      due_at: clock.dueAt.toISOString(),
      status: clock.status,
      met_at: clock.metAt?.toISOString() ?? null,
      promised: clock.isPromised,
      steps: steps.map((step) => {
        const prefix = `c:${incidentId}:${clock.id}:${clock.dueAt.getTime()}:${step}:`;
        const mine = reminders.filter((r) => r.dedupe_key.startsWith(prefix));
        return { step, at: new Date(clock.dueAt.getTime() + offsets[step]).toISOString(), to: stepAudience[step], queued: mine.length, sent: mine.filter((r) => r.state === 'sent').length };
      }),
    })),
  };
}
