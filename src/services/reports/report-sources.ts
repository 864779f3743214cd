import type { Db } from '../../adapters/db/connect.ts';
import { can } from '../../domain/access/roles.ts';
import { offerPhrase } from '../../domain/compensation/gesture.ts';
import type { ReportInput, ReportVersion } from '../../domain/reports/build-report.ts';
import type { ReportLanguage } from '../../domain/reports/texts.ts';
import type { Ctx } from '../context.ts';
import { loadFactSheet } from '../facts/get-fact-sheet.ts';
import { getIncidentTimeline } from '../incident/timeline.ts';
import { loadMessages } from '../messages/message-view.ts';
import { getIncidentRegulatory } from '../regulatory/incident-regulatory.ts';
import { loadCommsSettings } from '../settings/comms-settings.ts';
import { loadIncidentDeliveries } from './deliveries.ts';
import { loadLessons } from './lessons.ts';

/** Everything the report says, read in the caller's transaction (`ctx.tx`); internal parts only for the internal version. */
export async function loadReportInput(ctx: Ctx & { tx: Db }, incidentId: string, version: ReportVersion, language: ReportLanguage): Promise<ReportInput> {
  const db = ctx.tx;
  const isInternal = version === 'internal';
  const timeline = await getIncidentTimeline({ ctx, incidentId });
  const [sheet, incident, updates, settings, workspace, deliveries, lessons, regulatory, gestures] = await Promise.all([
    loadFactSheet(db, ctx, incidentId),
    db.selectFrom('incidents').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', incidentId).executeTakeFirstOrThrow(),
    db
      .selectFrom('incident_updates')
      .select(['id', 'status', 'body', 'bodies', 'published_at', 'created_at'])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('incident_id', '=', incidentId)
      .execute(),
    loadCommsSettings(db, ctx.workspaceId),
    db.selectFrom('workspaces').select(['name', 'time_zone']).where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow(),
    loadIncidentDeliveries(db, ctx.workspaceId, incidentId),
    loadLessons(db, ctx, incidentId),
    mayReadRegulatory(ctx) ? getIncidentRegulatory({ ctx, incidentId }) : null,
    loadGestures(db, ctx, incidentId, version, language),
  ]);
  const published = await db.selectFrom('messages').selectAll().where('workspace_id', '=', ctx.workspaceId).where('incident_id', '=', incidentId).where('state', '=', 'published').orderBy('published_at').orderBy('id').execute();
  const presented = isInternal ? await loadMessages(db, ctx, published) : [];
  const overrides = isInternal ? await loadOverrides(db, ctx, incidentId) : [];
  const isBreachPublic = !sheet.personal_data_breach || published.some((m) => m.stage === 'breach_notice');
  return {
    version,
    language,
    timeZone: workspace.time_zone,
    generatedAt: ctx.now(),
    workspaceName: workspace.name,
    incident: {
      id: incident.id, name: incident.name, impact: incident.impact, status: incident.status, components: sheet.incident.components,
      detectedAt: incident.detected_at ?? incident.created_at, openedAt: incident.created_at, resolvedAt: incident.resolved_at,
    },
    firstMessageMinutes: settings.first_message_minutes,
    updates: updates
      .map((u) => ({ id: u.id, at: u.published_at ?? u.created_at, status: u.status, text: u.bodies?.[language] ?? u.body }))
      .sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id)),
    events: isInternal ? timeline.events : [],
    gaps: timeline.gaps,
    promises: timeline.promises.map((p) => ({
      id: p.id, kind: p.promise_kind, text: p.text, madeAt: new Date(p.made_at), dueAt: p.due_at === null ? null : new Date(p.due_at), state: p.state, keptAt: p.kept_at === null ? null : new Date(p.kept_at),
    })),
    findings: presented.flatMap((message) =>
      message.variants.flatMap((variant) =>
        variant.findings.map((finding) => ({
          message_id: message.id, stage: message.stage, audience: variant.audience, language: variant.language, channel: variant.channel,
          rule: finding.rule, severity: finding.severity, text: finding.message,
        })),
      ),
    ),
    overrides,
    deliveries,
    regulatory: regulatory && {
      deadlines: regulatory.deadlines.map((d) => ({ id: d.id, dueAt: d.due_at === null ? null : new Date(d.due_at), status: d.status, submittedAt: d.submitted_at === null ? null : new Date(d.submitted_at) })),
      isPublicSafe: isBreachPublic,
    },
    compensation: { gestures },
    lessons: { lessons: lessons.lessons, actions: lessons.actions },
  };
}

function mayReadRegulatory(ctx: Ctx): boolean {
  return ctx.actor.type === 'system' || can(ctx.actor.role, 'regulatory.read');
}

/** Approvals that overrode findings, and messages published in an emergency without review, with the reason given. */
async function loadOverrides(db: Db, ctx: Ctx, incidentId: string): Promise<ReportInput['overrides']> {
  const [reviews, emergencies] = await Promise.all([
    db
      .selectFrom('message_reviews')
      .innerJoin('messages', (join) => join.onRef('messages.workspace_id', '=', 'message_reviews.workspace_id').onRef('messages.id', '=', 'message_reviews.message_id'))
      .select(['messages.id', 'messages.stage', 'message_reviews.actor_name', 'message_reviews.at', 'message_reviews.override_reason', 'message_reviews.overridden_rules'])
      .where('message_reviews.workspace_id', '=', ctx.workspaceId)
      .where('messages.incident_id', '=', incidentId)
      .where('message_reviews.override_reason', 'is not', null)
      .execute(),
    db
      .selectFrom('messages')
      .select(['id', 'stage', 'published_by_name', 'published_at', 'emergency_reason'])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('incident_id', '=', incidentId)
      .where('emergency', '=', true)
      .where('published_at', 'is not', null)
      .execute(),
  ]);
  return [
    ...reviews.map((r) => ({ message_id: r.id, stage: r.stage, by: r.actor_name, at: r.at, reason: r.override_reason ?? '', rules: r.overridden_rules })),
    ...emergencies.map((m) => ({ message_id: m.id, stage: m.stage, by: m.published_by_name ?? '', at: m.published_at!, reason: m.emergency_reason ?? '', rules: [] })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The incident's compensation gestures; the public version shows only those announced in public. */
async function loadGestures(db: Db, ctx: Ctx, incidentId: string, version: ReportVersion, language: ReportLanguage): Promise<ReportInput['compensation']['gestures']> {
  const rows = await db.selectFrom('compensation_gestures').selectAll().where('workspace_id', '=', ctx.workspaceId).where('incident_id', '=', incidentId).orderBy('created_at').execute();
  return rows
    .filter((row) => version === 'internal' || row.announced_at !== null)
    .map((row) => {
      const terms = {
        kind: row.kind, amountMinor: row.amount_minor, currency: row.currency, periodCount: row.period_count, periodUnit: row.period_unit,
        description: { fr: row.description_fr, en: row.description_en },
      };
      return { title: offerPhrase(terms, language), detail: terms.description[language], state: row.state };
    });
}
