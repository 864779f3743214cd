import { z } from 'zod';
import { stringify } from 'csv-stringify/sync';
import type { Db, Tx } from '../../adapters/db/connect.ts';
import type { FactFigures, Row } from '../../adapters/db/schema.ts';
import { breachDecision, breachGaps, exemptionCodes } from '../../domain/clocks/breach-register.ts';
import { ConflictError, InvalidError, NotFoundError, type FieldIssue } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { futureIssue } from '../../domain/incident/times.ts';
import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Instant, parseInput, toDate } from '../schemas.ts';
import { loadRegulatoryProfile } from './profile.ts';

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

interface Sources {
  roles: readonly string[];
  records: Row<'breach_records'>[];
  incidents: Array<{ id: string; name: string; detected_at: Date | null; created_at: Date; personal_data_breach: boolean | null }>;
  regulatory: Map<string, Row<'incident_regulatory'>>;
  submissions: Row<'regulatory_submissions'>[];
  figures: Map<string, FactFigures>;
}

/** Every personal-data breach: the incidents the fact sheet flags or that have a record, and the standalone records. */
async function loadSources(db: Db, ctx: Ctx, only?: { recordId?: string; incidentId?: string }): Promise<Sources> {
  let recordQuery = db.selectFrom('breach_records').selectAll().where('workspace_id', '=', ctx.workspaceId);
  if (only?.recordId) recordQuery = recordQuery.where('id', '=', only.recordId);
  if (only?.incidentId) recordQuery = recordQuery.where('incident_id', '=', only.incidentId);
  const [profile, records] = await Promise.all([loadRegulatoryProfile(db, ctx.workspaceId), recordQuery.execute()]);
  const withRecord = records.flatMap((record) => (record.incident_id ? [record.incident_id] : []));
  let incidentQuery = db
    .selectFrom('incidents as i')
    .leftJoin('fact_sheets as f', (join) => join.onRef('f.workspace_id', '=', 'i.workspace_id').onRef('f.incident_id', '=', 'i.id'))
    .select(['i.id', 'i.name', 'i.detected_at', 'i.created_at', 'f.personal_data_breach'])
    .where('i.workspace_id', '=', ctx.workspaceId);
  if (only?.recordId) incidentQuery = incidentQuery.where('i.id', 'in', withRecord.length > 0 ? withRecord : ['']);
  else {
    if (only?.incidentId) incidentQuery = incidentQuery.where('i.id', '=', only.incidentId);
    incidentQuery = incidentQuery.where((eb) => eb.or([eb('f.personal_data_breach', '=', true), ...(withRecord.length > 0 ? [eb('i.id', 'in', withRecord)] : [])]));
  }
  const incidents = await incidentQuery.execute();
  const ids = incidents.map((incident) => incident.id);
  if (ids.length === 0) return { roles: profile.gdpr_roles, records, incidents, regulatory: new Map(), submissions: [], figures: new Map() };
  const [regulatory, submissions, known] = await Promise.all([
    db.selectFrom('incident_regulatory').selectAll().where('workspace_id', '=', ctx.workspaceId).where('incident_id', 'in', ids).execute(),
    db.selectFrom('regulatory_submissions').selectAll().where('workspace_id', '=', ctx.workspaceId).where('incident_id', 'in', ids).where('regime', '=', 'gdpr').orderBy('submitted_at').orderBy('id').execute(),
    db
      .selectFrom('fact_entries')
      .select(['incident_id', 'figures'])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('incident_id', 'in', ids)
      .where('kind', '=', 'known')
      .where('withdrawn_at', 'is', null)
      .where('figures', 'is not', null)
      .orderBy('noted_at')
      .orderBy('created_at')
      .execute(),
  ]);
  // The newest confirmed value of each figure wins, as on the fact sheet.
  const figures = new Map<string, FactFigures>();
  for (const entry of known) {
    const current = figures.get(entry.incident_id) ?? {};
    for (const [key, value] of Object.entries(entry.figures ?? {})) if (value !== null && value !== undefined) Object.assign(current, { [key]: value });
    figures.set(entry.incident_id, current);
  }
  return { roles: profile.gdpr_roles, records, incidents, regulatory: new Map(regulatory.map((row) => [row.incident_id, row])), submissions, figures };
}

/**
 * One breach as the register shows it. An incident's awareness, risk and rationale are read from
 * its regulatory record, what was filed from its submissions, and its counts default to the fact
 * sheet's figures; the decision and the gaps are derived, never stored.
 */
function present(sources: Sources, record: Row<'breach_records'> | undefined, incident: Sources['incidents'][number] | undefined, now: Date) {
  const regulatory = incident ? sources.regulatory.get(incident.id) : undefined;
  const submissionsOf = (report: string) => (incident ? sources.submissions.filter((s) => s.incident_id === incident.id && s.report === report) : []);
  const figures = incident ? (sources.figures.get(incident.id) ?? {}) : {};
  const authority = submissionsOf('authority')[0];
  const awareAt = incident ? (regulatory?.aware_at_gdpr ?? null) : (record?.aware_at ?? null);
  const risk = incident ? (regulatory?.risk ?? null) : (record?.risk ?? null);
  const exemptions = record?.exemptions ?? [];
  const isController = sources.roles.length === 0 || sources.roles.includes('controller');
  const isProcessor = sources.roles.includes('processor');
  const controllersNotifiedAt = incident && isProcessor ? (regulatory?.processor_notified_controller_at ?? submissionsOf('processor_to_controller')[0]?.submitted_at ?? null) : null;
  const facts = {
    awareAt,
    risk,
    exemptions,
    description: record?.description ?? null,
    dataCategories: record?.data_categories ?? [],
    subjectsApprox: record?.subjects_approx ?? figures.affected_people ?? null,
    recordsApprox: record?.records_approx ?? figures.records ?? null,
    consequences: record?.consequences ?? null,
    measures: record?.measures ?? null,
    authorityNotifiedAt: incident ? (authority?.submitted_at ?? null) : (record?.authority_notified_at ?? null),
    dataSubjectsInformedAt: incident ? (submissionsOf('data_subjects')[0]?.submitted_at ?? null) : (record?.data_subjects_informed_at ?? null),
    duties: { controller: isController, processor: isProcessor },
    ...(incident && isProcessor ? { controllersNotifiedAt } : {}),
    isUnflagged: incident !== undefined && incident.personal_data_breach !== true,
  };
  const decision = breachDecision(risk, exemptions);
  return {
    id: record?.id ?? null,
    incident_id: incident?.id ?? null,
    incident_name: incident?.name ?? null,
    title: record?.title ?? incident?.name ?? '',
    aware_at: iso(awareAt),
    aware_basis: regulatory?.aware_basis ?? null,
    description: facts.description,
    data_categories: facts.dataCategories,
    special_categories: record?.special_categories ?? false,
    subjects_approx: facts.subjectsApprox,
    records_approx: facts.recordsApprox,
    consequences: facts.consequences,
    measures: facts.measures,
    risk,
    risk_rationale: incident ? (regulatory?.risk_rationale ?? null) : (record?.risk_rationale ?? null),
    exemptions,
    decision_notes: record?.decision_notes ?? null,
    decision: {
      risk_assessed: decision.isRiskAssessed,
      notify_authority: decision.shouldNotifyAuthority,
      data_subjects_required: decision.isDataSubjectsCommunicationRequired,
      inform_data_subjects: decision.shouldInformDataSubjects,
      data_subjects_waived_by: decision.dataSubjectsWaivedBy,
      public_communication: decision.needsPublicCommunication,
    },
    done: {
      authority_notified_at: iso(facts.authorityNotifiedAt),
      authority_ref: incident ? (authority?.authority_ref ?? null) : (record?.authority_ref ?? null),
      data_subjects_informed_at: iso(facts.dataSubjectsInformedAt),
      controllers_notified_at: iso(controllersNotifiedAt),
    },
    gaps: breachGaps(facts, now).map((gap) => ({ code: gap.code, message: { en: gap.en, fr: gap.fr } })),
    created_at: iso(record?.created_at),
    updated_at: iso(record?.updated_at),
    updated_by: record?.updated_by_name ?? null,
    version: record?.version ?? 0,
  };
}
export type BreachRegisterEntry = ReturnType<typeof present>;

function entriesOf(sources: Sources, now: Date): BreachRegisterEntry[] {
  const byIncident = new Map(sources.records.flatMap((record) => (record.incident_id ? [[record.incident_id, record] as const] : [])));
  const entries = [
    ...sources.incidents.map((incident) => ({ entry: present(sources, byIncident.get(incident.id), incident, now), since: incident.detected_at ?? incident.created_at })),
    ...sources.records.filter((record) => record.incident_id === null).map((record) => ({ entry: present(sources, record, undefined, now), since: record.created_at })),
  ];
  // Newest first, by awareness, else by when it was noticed.
  const at = ({ entry, since }: (typeof entries)[number]) => (entry.aware_at ? Date.parse(entry.aware_at) : since.getTime());
  return entries.sort((a, b) => at(b) - at(a) || (a.entry.incident_id ?? a.entry.id ?? '').localeCompare(b.entry.incident_id ?? b.entry.id ?? '')).map(({ entry }) => entry);
}

/** The register (GDPR Art. 33(5)): every personal-data breach, notified or not, with its decision and what it still lacks. */
export async function getBreachRegister({ ctx }: { ctx: Ctx }) {
  authorize(ctx, 'regulatory.read');
  const now = ctx.now();
  return { entries: entriesOf(await loadSources(ctx.tx ?? ctx.db.db, ctx), now), as_of: now.toISOString() };
}

const exportColumns = [
  'id', 'incident_id', 'title', 'aware_at', 'description', 'data_categories', 'special_categories', 'subjects_approx', 'records_approx',
  'consequences', 'measures', 'risk', 'risk_rationale', 'exemptions', 'notify_authority', 'inform_data_subjects', 'data_subjects_waived_by',
  'authority_notified_at', 'authority_ref', 'data_subjects_informed_at', 'controllers_notified_at', 'decision_notes', 'gaps', 'updated_at',
] as const;

export const ExportBreachRegisterInput = z.strictObject({ format: z.enum(['csv', 'json']).default('csv') });
export type ExportBreachRegisterInput = z.input<typeof ExportBreachRegisterInput>;

/** The register as a file for the authority or an auditor: CSV with English column names (the JSON field names), or JSON. */
export async function exportBreachRegister({ ctx, input = {} }: { ctx: Ctx; input?: ExportBreachRegisterInput }) {
  const { format } = parseInput(ExportBreachRegisterInput, input);
  const register = await getBreachRegister({ ctx });
  await withTransaction(ctx, (tx) => recordAudit(tx, ctx, { action: 'breach_register.export', entityType: 'breach_register', entityId: ctx.workspaceId, after: { format, entries: register.entries.length } }));
  if (format === 'json') return { format, body: JSON.stringify(register, null, 2) };
  const yesNo = (value: boolean) => (value ? 'yes' : 'no');
  const rows = register.entries.map((e) => [
    e.id ?? '', e.incident_id ?? '', e.title, e.aware_at ?? '', e.description ?? '', e.data_categories.join('; '), yesNo(e.special_categories),
    e.subjects_approx ?? '', e.records_approx ?? '', e.consequences ?? '', e.measures ?? '', e.risk ?? 'not assessed', e.risk_rationale ?? '',
    e.exemptions.map((x) => `${x.code}: ${x.justification}`).join(' | '), yesNo(e.decision.notify_authority), yesNo(e.decision.inform_data_subjects),
    e.decision.data_subjects_waived_by ?? '', e.done.authority_notified_at ?? '', e.done.authority_ref ?? '', e.done.data_subjects_informed_at ?? '',
    e.done.controllers_notified_at ?? '', e.decision_notes ?? '', e.gaps.map((g) => g.code).join('; '), e.updated_at ?? '',
  ]);
  return { format, body: stringify([[...exportColumns], ...rows]) };
}

// ---- Edits --------------------------------------------------------------------------------------

const Text = z.string().trim().max(10_000).nullable();
const Count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable();
const Exemptions = z
  .array(z.strictObject({ code: z.enum(exemptionCodes), justification: z.string().trim().min(10, 'at least 10 characters: say why the exemption applies').max(5_000) }))
  .max(exemptionCodes.length)
  .refine((list) => new Set(list.map((e) => e.code)).size === list.length, 'lists the same exemption twice');
/** What the register adds to an incident's breach; its awareness and risk stay on the incident's regulatory record. */
const RecordFields = {
  title: z.string().trim().min(1).max(300).nullable(),
  description: Text,
  data_categories: z.array(z.string().trim().min(1).max(200)).max(50),
  special_categories: z.boolean(),
  subjects_approx: Count,
  records_approx: Count,
  consequences: Text,
  measures: Text,
  exemptions: Exemptions,
  decision_notes: Text,
};
const StandaloneFields = {
  ...RecordFields,
  title: z.string().trim().min(1).max(300),
  aware_at: Instant.nullable(),
  risk: z.enum(['unlikely', 'risk', 'high']).nullable(),
  risk_rationale: Text,
  authority_notified_at: Instant.nullable(),
  authority_ref: z.string().trim().max(200).nullable(),
  data_subjects_informed_at: Instant.nullable(),
};
const optional = <T extends Record<string, z.ZodType>>(fields: T) => Object.fromEntries(Object.entries(fields).map(([key, schema]) => [key, schema.optional()])) as { [K in keyof T]: z.ZodOptional<T[K]> };

export const CreateBreachRecordInput = z.strictObject({ ...optional(StandaloneFields), title: StandaloneFields.title });
export type CreateBreachRecordInput = z.input<typeof CreateBreachRecordInput>;
export const UpdateBreachRecordInput = z.strictObject(optional(StandaloneFields));
export type UpdateBreachRecordInput = z.input<typeof UpdateBreachRecordInput>;
/** A field the incident's regulatory record holds: refused with where to set it, not copied (one source of truth). */
const keptOn = (path: 'regulatory' | 'regulatory/submissions') =>
  z
    .any()
    .refine((value) => value === undefined, { error: `an incident's breach keeps it on its regulatory record: set it with ${path === 'regulatory' ? 'PATCH' : 'POST'} /api/admin/incidents/{id}/${path}` })
    .meta({ not: {}, description: `Refused: set on /api/admin/incidents/{id}/${path}` })
    .optional();
export const UpdateIncidentBreachRecordInput = z.strictObject({
  ...optional(RecordFields),
  aware_at: keptOn('regulatory'),
  risk: keptOn('regulatory'),
  risk_rationale: keptOn('regulatory'),
  authority_notified_at: keptOn('regulatory/submissions'),
  authority_ref: keptOn('regulatory/submissions'),
  data_subjects_informed_at: keptOn('regulatory/submissions'),
});
export type UpdateIncidentBreachRecordInput = z.input<typeof UpdateIncidentBreachRecordInput>;

type Changes = Omit<z.output<typeof UpdateBreachRecordInput>, 'title'> & { title?: string | null };
const timeColumns = ['aware_at', 'authority_notified_at', 'data_subjects_informed_at'] as const;

/** The record's columns from a parsed input: instants as Dates, exemptions as JSON; absent fields are left out. */
function columnsOf(data: Changes) {
  const { exemptions, aware_at, authority_notified_at, data_subjects_informed_at, ...rest } = data;
  return Object.fromEntries(
    Object.entries({
      ...rest,
      exemptions: exemptions === undefined ? undefined : JSON.stringify(exemptions),
      aware_at: toDate(aware_at),
      authority_notified_at: toDate(authority_notified_at),
      data_subjects_informed_at: toDate(data_subjects_informed_at),
    }).filter(([, value]) => value !== undefined),
  );
}

/** A standalone record's rules once merged with what it held: no time in the future, a risk level with its rationale. */
function checkStandalone(merged: { risk: string | null; risk_rationale: string | null }, data: Changes, now: Date) {
  const issues: FieldIssue[] = timeColumns.flatMap((column) => futureIssue(column, toDate(data[column]) ?? null, now) ?? []);
  if (merged.risk && !merged.risk_rationale) issues.push({ pointer: '/risk_rationale', detail: 'required with a risk level: the register must show why' });
  if (issues.length > 0) throw new InvalidError(`The breach record cannot be saved: ${issues.map((i) => `${i.pointer}: ${i.detail}`).join('; ')}.`, issues);
}

const author = (ctx: Ctx) => ({ id: ctx.actor.type === 'system' ? null : ctx.actor.id, name: ctx.actor.name });

async function entryOf(tx: Tx, ctx: Ctx, only: { recordId?: string; incidentId?: string }) {
  return entriesOf(await loadSources(tx, ctx, only), ctx.now())[0]!;
}

/** Registers a breach that has no incident (an e-mail sent to the wrong person is one too). */
export async function createBreachRecord({ ctx, input }: { ctx: Ctx; input: CreateBreachRecordInput }) {
  authorize(ctx, 'regulatory.manage');
  const data = parseInput(CreateBreachRecordInput, input);
  const now = ctx.now();
  checkStandalone({ risk: data.risk ?? null, risk_rationale: data.risk_rationale ?? null }, data, now);
  return withTransaction(ctx, async (tx) => {
    const by = author(ctx);
    const row = await tx
      .insertInto('breach_records')
      .values({ workspace_id: ctx.workspaceId, id: newId(), incident_id: null, ...columnsOf(data), title: data.title, created_by_id: by.id, created_by_name: by.name, created_at: now, updated_by_id: by.id, updated_by_name: by.name, updated_at: now, version: 1 })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'breach_record.create', entityType: 'breach_record', entityId: row.id, after: row });
    return entryOf(tx, ctx, { recordId: row.id });
  });
}

/** Edits a standalone record; an incident's is edited through its incident. */
export async function updateBreachRecord({ ctx, id, input, expectedVersion }: { ctx: Ctx; id: string; input: UpdateBreachRecordInput; expectedVersion?: number }) {
  authorize(ctx, 'regulatory.manage');
  const data = parseInput(UpdateBreachRecordInput, input);
  return withTransaction(ctx, async (tx) => {
    const before = await tx.selectFrom('breach_records').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new NotFoundError('breach-record', id);
    if (before.incident_id) {
      throw new ConflictError('breach-record-of-incident', `This breach record belongs to incident ${before.incident_id}: edit it with PATCH /api/admin/incidents/${before.incident_id}/breach-record, and its awareness and risk with PATCH /api/admin/incidents/${before.incident_id}/regulatory.`);
    }
    checkVersion('breach record', before.version, expectedVersion);
    const pick = <K extends 'risk' | 'risk_rationale'>(key: K) => (data[key] === undefined ? before[key] : data[key]);
    checkStandalone({ risk: pick('risk'), risk_rationale: pick('risk_rationale') }, data, ctx.now());
    return saveChanges(tx, ctx, before, data);
  });
}

async function saveChanges(tx: Tx, ctx: Ctx, before: Row<'breach_records'>, data: Changes) {
  const by = author(ctx);
  const row = await tx
    .updateTable('breach_records')
    .set({ ...columnsOf(data), updated_by_id: by.id, updated_by_name: by.name, updated_at: ctx.now(), version: before.version + 1 })
    .where('workspace_id', '=', ctx.workspaceId)
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(tx, ctx, { action: 'breach_record.update', entityType: 'breach_record', entityId: row.id, before, after: row });
  return entryOf(tx, ctx, before.incident_id ? { incidentId: before.incident_id } : { recordId: row.id });
}

/** Writes an incident's entry in the register, creating its row on the first write; the incident must be a breach. */
export async function updateIncidentBreachRecord({ ctx, incidentId, input, expectedVersion }: { ctx: Ctx; incidentId: string; input: UpdateIncidentBreachRecordInput; expectedVersion?: number }) {
  authorize(ctx, 'regulatory.manage');
  const { aware_at: _a, risk: _r, risk_rationale: _rr, authority_notified_at: _n, authority_ref: _ref, data_subjects_informed_at: _d, ...data } = parseInput(UpdateIncidentBreachRecordInput, input);
  return withTransaction(ctx, async (tx) => {
    const incident = await tx.selectFrom('incidents').select('id').where('workspace_id', '=', ctx.workspaceId).where('id', '=', incidentId).forUpdate().executeTakeFirst();
    if (!incident) throw new NotFoundError('incident', incidentId);
    const before = await tx.selectFrom('breach_records').selectAll().where('workspace_id', '=', ctx.workspaceId).where('incident_id', '=', incidentId).forUpdate().executeTakeFirst();
    checkVersion('breach record', before?.version ?? 0, expectedVersion);
    if (before) return saveChanges(tx, ctx, before, data);
    const sheet = await tx.selectFrom('fact_sheets').select('personal_data_breach').where('workspace_id', '=', ctx.workspaceId).where('incident_id', '=', incidentId).executeTakeFirst();
    if (!sheet?.personal_data_breach) {
      throw new ConflictError('not-a-personal-data-breach', `Incident ${incidentId} is not flagged as a personal-data breach: flag it on its fact sheet (PATCH /api/admin/incidents/${incidentId}/facts) before writing its breach record.`);
    }
    const by = author(ctx);
    const now = ctx.now();
    const row = await tx
      .insertInto('breach_records')
      .values({ workspace_id: ctx.workspaceId, id: newId(), incident_id: incidentId, ...columnsOf(data), created_by_id: by.id, created_by_name: by.name, created_at: now, updated_by_id: by.id, updated_by_name: by.name, updated_at: now, version: 1 })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'breach_record.create', entityType: 'breach_record', entityId: row.id, after: row });
    return entryOf(tx, ctx, { incidentId });
  });
}

/** The incident's entry, for the services that draft from it (the processor's notice to its controllers). */
export async function loadIncidentBreachRecord(db: Db, ctx: Ctx, incidentId: string): Promise<Row<'breach_records'> | undefined> {
  return db.selectFrom('breach_records').selectAll().where('workspace_id', '=', ctx.workspaceId).where('incident_id', '=', incidentId).executeTakeFirst();
}
