import type { ReportInput, ReportMeasures } from '../../domain/reports/build-report.ts';

const iso = (at: Date | null) => at?.toISOString() ?? null;

/** The report's figures as JSON: the public version carries only what its document shows. */
export function reportData(input: ReportInput, measures: ReportMeasures, title: string) {
  const isInternal = input.version === 'internal';
  const common = {
    incident_id: input.incident.id,
    version: input.version,
    language: input.language,
    title,
    time_zone: input.timeZone,
    generated_at: input.generatedAt.toISOString(),
    incident: { name: input.incident.name, impact: input.incident.impact, status: input.incident.status, components: input.incident.components, detected_at: iso(input.incident.detectedAt), resolved_at: iso(input.incident.resolvedAt) },
    first_message: measures.first_message,
    punctuality: measures.punctuality,
    updates: input.updates.map((u) => ({ id: u.id, at: u.at.toISOString(), status: u.status, text: u.text })),
    gaps: input.gaps,
    lessons: input.lessons.lessons.filter((l) => isInternal || l.public),
    actions: input.lessons.actions.filter((a) => isInternal || a.public).map((a) => (isInternal ? a : { ...a, owner: null })),
  };
  if (!isInternal) {
    const { deliveries } = measures;
    return {
      ...common,
      deliveries: { sent: deliveries.sent, recipients: deliveries.recipients, channels: deliveries.channels.map((c) => ({ channel: c.channel, recipients: c.recipients, first_sent_at: c.first_sent_at, last_sent_at: c.last_sent_at })) },
      compensation: { promises: input.promises.filter((p) => p.kind === 'compensation').map((p) => ({ text: p.text, due_at: iso(p.dueAt), state: p.state })), gestures: input.compensation.gestures },
    };
  }
  return {
    ...common,
    deliveries: measures.deliveries,
    events: input.events,
    findings: input.findings,
    overrides: input.overrides.map((o) => ({ ...o, at: o.at.toISOString() })),
    regulatory: measures.regulatory && { ...measures.regulatory, deadlines: input.regulatory!.deadlines.map((d) => ({ id: d.id, due_at: iso(d.dueAt), status: d.status, submitted_at: iso(d.submittedAt) })) },
    compensation: { promises: input.promises.filter((p) => p.kind === 'compensation').map((p) => ({ text: p.text, due_at: iso(p.dueAt), state: p.state })), gestures: input.compensation.gestures },
  };
}
