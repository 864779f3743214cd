import { z } from 'zod';
import type { Db, Tx } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { computeDeadlines, deadlineIds, stampOrderIssues, type Deadline, type RegulatoryStamps } from '../../domain/clocks/regulatory.ts';
import { InvalidError, NotFoundError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { futureIssue } from '../../domain/incident/times.ts';
import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Instant, parseInput, toDate } from '../schemas.ts';
import { domainProfile, loadRegulatoryProfile } from './profile.ts';

const stampColumns = ['aware_at_gdpr', 'processor_notified_controller_at', 'aware_significant_at', 'classified_major_at', 'regular_activities_recovered_at', 'handling_concluded_at'] as const;
type StampColumn = (typeof stampColumns)[number];
const Reason = z.string().trim().min(3).max(2_000);

interface Sources {
  incident: Pick<Row<'incidents'>, 'id' | 'name' | 'occurred_at' | 'detected_at' | 'resolved_at' | 'created_at'>;
  regulatory: Row<'incident_regulatory'> | undefined;
  submissions: Row<'regulatory_submissions'>[];
  personalDataBreach: boolean;
  timeZone: string;
}

async function loadSources(db: Db, ctx: Ctx, incidentId: string, forUpdate = false): Promise<Sources> {
  let incidentQuery = db.selectFrom('incidents').select(['id', 'name', 'occurred_at', 'detected_at', 'resolved_at', 'created_at']).where('workspace_id', '=', ctx.workspaceId).where('id', '=', incidentId);
  if (forUpdate) incidentQuery = incidentQuery.forUpdate();
  const incident = await incidentQuery.executeTakeFirst();
  if (!incident) throw new NotFoundError('incident', incidentId);
  const [regulatory, submissions, sheet, workspace] = await Promise.all([
    db.selectFrom('incident_regulatory').selectAll().where('workspace_id', '=', ctx.workspaceId).where('incident_id', '=', incidentId).executeTakeFirst(),
    db.selectFrom('regulatory_submissions').selectAll().where('workspace_id', '=', ctx.workspaceId).where('incident_id', '=', incidentId).orderBy('submitted_at').orderBy('id').execute(),
    db.selectFrom('fact_sheets').select('personal_data_breach').where('workspace_id', '=', ctx.workspaceId).where('incident_id', '=', incidentId).executeTakeFirst(),
    db.selectFrom('workspaces').select('time_zone').where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow(),
  ]);
  return { incident, regulatory, submissions, personalDataBreach: sheet?.personal_data_breach ?? false, timeZone: workspace.time_zone };
}

function stampsOf({ incident, regulatory, submissions, personalDataBreach }: Sources): RegulatoryStamps {
  return {
    occurredAt: incident.occurred_at,
    detectedAt: incident.detected_at ?? incident.created_at,
    awareAtGdpr: regulatory?.aware_at_gdpr ?? null,
    processorNotifiedControllerAt: regulatory?.processor_notified_controller_at ?? null,
    awareSignificantAt: regulatory?.aware_significant_at ?? null,
    classifiedMajorAt: regulatory?.classified_major_at ?? null,
    regularActivitiesRecoveredAt: regulatory?.regular_activities_recovered_at ?? null,
    handlingConcludedAt: regulatory?.handling_concluded_at ?? null,
    resolvedAt: incident.resolved_at,
    isPersonalDataBreach: personalDataBreach,
    ...(regulatory?.risk ? { risk: regulatory.risk } : {}),
    submissions: submissions.map((s) => ({
      regime: s.regime,
      report: s.report as RegulatoryStamps['submissions'][number]['report'],
      submittedAt: s.submitted_at,
      ...(s.authority_ref ? { authorityRef: s.authority_ref } : {}),
      ...(s.late_reason ? { lateReason: s.late_reason } : {}),
      isComplete: s.is_complete,
    })),
  };
}

/** The years a calendar must cover: from detection to two years after now (a month-long report chain, with margin). */
function yearsAround(sources: Sources, now: Date): number[] {
  const from = (sources.incident.detected_at ?? sources.incident.created_at).getUTCFullYear();
  const to = now.getUTCFullYear() + 2;
  return Array.from({ length: Math.max(1, to - from + 1) }, (_, i) => from + i);
}

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

function presentDeadline(deadline: Deadline) {
  return {
    id: deadline.id,
    regime: deadline.regime,
    report_name: deadline.reportName,
    recipient: deadline.recipient,
    due_at: iso(deadline.dueAt),
    undue_delay: deadline.undueDelay,
    starts_from: { stamp: deadline.startsFrom.stamp, at: iso(deadline.startsFrom.at) },
    rule: deadline.rule,
    tag: deadline.tag,
    shifted_from: iso(deadline.shiftedFrom),
    status: deadline.status,
    submitted_at: iso(deadline.submittedAt),
    requires_late_reason: deadline.requiresLateReason,
    content: deadline.content.map((item) => ({ key: item.key, label: { en: item.en, fr: item.fr }, mandatory: item.isMandatory })),
  };
}

function presentSubmission(row: Row<'regulatory_submissions'>) {
  return {
    id: row.id, regime: row.regime, report: row.report, submitted_at: row.submitted_at.toISOString(), authority_ref: row.authority_ref,
    late_reason: row.late_reason, is_complete: row.is_complete, recorded_by: row.recorded_by_name, created_at: row.created_at.toISOString(),
  };
}

async function view(db: Db, ctx: Ctx, incidentId: string, sources?: Sources) {
  const loaded = sources ?? (await loadSources(db, ctx, incidentId));
  const profile = await loadRegulatoryProfile(db, ctx.workspaceId);
  const now = ctx.now();
  const deadlines = computeDeadlines(domainProfile(profile, loaded.timeZone, yearsAround(loaded, now)), stampsOf(loaded), now);
  const { regulatory, incident } = loaded;
  return {
    incident_id: incident.id,
    time_zone: loaded.timeZone,
    personal_data_breach: loaded.personalDataBreach,
    stamps: {
      occurred_at: iso(incident.occurred_at),
      detected_at: iso(incident.detected_at ?? incident.created_at),
      ...Object.fromEntries(stampColumns.map((column) => [column, iso(regulatory?.[column])])) as Record<StampColumn, string | null>,
      resolved_at: iso(incident.resolved_at),
    },
    aware_basis: regulatory?.aware_basis ?? null,
    risk: regulatory?.risk ?? null,
    risk_rationale: regulatory?.risk_rationale ?? null,
    deadlines: deadlines.map(presentDeadline),
    submissions: loaded.submissions.map(presentSubmission),
    version: regulatory?.version ?? 0,
  };
}

/** An incident's legal clocks: its core timestamps, every deadline the workspace's regimes make applicable, the reports filed. */
export async function getIncidentRegulatory({ ctx, incidentId }: { ctx: Ctx; incidentId: string }) {
  authorize(ctx, 'regulatory.read');
  return view(ctx.tx ?? ctx.db.db, ctx, incidentId);
}

export const UpdateIncidentRegulatoryInput = z.strictObject({
  ...Object.fromEntries(stampColumns.map((column) => [column, Instant.nullable().optional()])) as Record<StampColumn, z.ZodOptional<z.ZodNullable<typeof Instant>>>,
  aware_basis: z.string().trim().max(2_000).nullable().optional(),
  risk: z.enum(['unlikely', 'risk', 'high']).nullable().optional(),
  risk_rationale: z.string().trim().max(5_000).nullable().optional(),
  /** Why the timestamps or the assessment change: kept in the audit log with who changed them. */
  reason: Reason,
});
export type UpdateIncidentRegulatoryInput = z.input<typeof UpdateIncidentRegulatoryInput>;

/**
 * Sets the core timestamps and the risk assessment. Every change says why; the audit log keeps who,
 * when, before and after, since a moved awareness moves every deadline behind it. A risk assessment
 * comes with its rationale (the register must show why a breach was not notified).
 */
export async function updateIncidentRegulatory({ ctx, incidentId, input, expectedVersion }: { ctx: Ctx; incidentId: string; input: UpdateIncidentRegulatoryInput; expectedVersion?: number }) {
  authorize(ctx, 'regulatory.manage');
  const { reason, ...data } = parseInput(UpdateIncidentRegulatoryInput, input);
  const now = ctx.now();
  const issues = stampColumns.flatMap((column) => futureIssue(column, toDate(data[column]) ?? null, now) ?? []);
  if (issues.length > 0) throw new InvalidError('A regulatory timestamp cannot lie in the future.', issues);
  return withTransaction(ctx, async (tx) => {
    const sources = await loadSources(tx, ctx, incidentId, true);
    const before = sources.regulatory;
    checkVersion('regulatory record', before?.version ?? 0, expectedVersion);
    const risk = data.risk === undefined ? (before?.risk ?? null) : data.risk;
    const rationale = data.risk_rationale === undefined ? (before?.risk_rationale ?? null) : data.risk_rationale;
    if (risk && !rationale) throw new InvalidError('A risk assessment needs its rationale: the register must show why.', [{ pointer: '/risk_rationale', detail: 'required with a risk level' }]);
    const changes = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
    const after = (column: StampColumn) => (data[column] === undefined ? (before?.[column] ?? null) : (toDate(data[column]) ?? null));
    const order = stampOrderIssues({
      occurred_at: sources.incident.occurred_at,
      detected_at: sources.incident.detected_at,
      ...(Object.fromEntries(stampColumns.map((column) => [column, after(column)])) as Record<StampColumn, Date | null>),
    });
    if (order.length > 0) throw new InvalidError(`These timestamps cannot be in this order: ${order.map((i) => `${i.pointer} ${i.detail}`).join('; ')}.`, order);
    const row = await tx
      .insertInto('incident_regulatory')
      .values({ workspace_id: ctx.workspaceId, incident_id: incidentId, ...changes, updated_at: now, version: 1 })
      .onConflict((oc) => oc.columns(['workspace_id', 'incident_id']).doUpdateSet({ ...changes, updated_at: now, version: (before?.version ?? 0) + 1 }))
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'incident_regulatory.update', entityType: 'incident_regulatory', entityId: incidentId, before: before ?? null, after: { ...row, reason } });
    return view(tx, ctx, incidentId, { ...sources, regulatory: row });
  });
}

const reportIds = new Set<string>(deadlineIds);
export const RecordSubmissionInput = z
  .strictObject({
    regime: z.enum(['gdpr', 'nis2', 'dora', 'eprivacy', 'fr']),
    report: z.string().trim().min(1).max(60),
    submitted_at: Instant,
    /** The reference the authority's portal gave. */
    authority_ref: z.string().trim().max(200).nullable().default(null),
    late_reason: z.string().trim().max(5_000).nullable().default(null),
    /** Everything was said: an ePrivacy initial notice that is complete needs no second one. */
    is_complete: z.boolean().default(false),
  })
  .superRefine((data, check) => {
    if (!reportIds.has(`${data.regime}.${data.report}`)) check.addIssue({ code: 'custom', path: ['report'], message: `is not a ${data.regime} report` });
  });
export type RecordSubmissionInput = z.input<typeof RecordSubmissionInput>;

/**
 * Records a report as filed, which closes its deadline. A report filed after its deadline must give
 * the reasons for the delay (GDPR Art. 33(1), DORA RTS 2025/301, NIS2), or it is refused.
 */
export async function recordSubmission({ ctx, incidentId, input }: { ctx: Ctx; incidentId: string; input: RecordSubmissionInput }) {
  authorize(ctx, 'regulatory.manage');
  const data = parseInput(RecordSubmissionInput, input);
  const submittedAt = toDate(data.submitted_at);
  const issue = futureIssue('submitted_at', submittedAt, ctx.now());
  if (issue) throw new InvalidError(`A report cannot be recorded as filed in the future: ${issue.detail}.`, [issue]);
  return withTransaction(ctx, async (tx) => {
    const sources = await loadSources(tx, ctx, incidentId, true);
    const current = await view(tx, ctx, incidentId, sources);
    const deadline = current.deadlines.find((d) => d.id === `${data.regime}.${data.report}`);
    const isLate = deadline?.due_at != null && submittedAt > new Date(deadline.due_at) && (data.regime === 'gdpr' || data.regime === 'nis2' || data.regime === 'dora');
    if (isLate && !data.late_reason) {
      throw new InvalidError(`This ${deadline!.report_name.toLowerCase()} was due at ${deadline!.due_at}: a late report gives the reasons for the delay.`, [{ pointer: '/late_reason', detail: 'required: the report is late' }], 'late-reason-required');
    }
    const row = await insertSubmission(tx, ctx, incidentId, data, submittedAt);
    await recordAudit(tx, ctx, { action: 'regulatory_submission.record', entityType: 'incident_regulatory', entityId: incidentId, after: presentSubmission(row) });
    return view(tx, ctx, incidentId, { ...sources, submissions: [...sources.submissions, row] });
  });
}

async function insertSubmission(tx: Tx, ctx: Ctx, incidentId: string, data: z.output<typeof RecordSubmissionInput>, submittedAt: Date) {
  return tx
    .insertInto('regulatory_submissions')
    .values({
      workspace_id: ctx.workspaceId, id: newId(), incident_id: incidentId, regime: data.regime, report: data.report, submitted_at: submittedAt,
      authority_ref: data.authority_ref, late_reason: data.late_reason, is_complete: data.is_complete,
      recorded_by_id: ctx.actor.type === 'system' ? null : ctx.actor.id, recorded_by_name: ctx.actor.name, created_at: ctx.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
