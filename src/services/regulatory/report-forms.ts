import MarkdownIt from 'markdown-it';
import { z } from 'zod';
import type { Row } from '../../adapters/db/schema.ts';
import { renderReportPdf } from '../../adapters/pdf/render-pdf.ts';
import { deadlineIds, type DeadlineId, type Regime } from '../../domain/clocks/regulatory.ts';
import { lateReason, reports } from '../../domain/clocks/reports.ts';
import {
  checkCompleteness, prefillAnswers, renderReportMarkdown, reportDocument, reportNames,
  type FormLanguage, type ReportFacts, type ReportForm,
} from '../../domain/clocks/report-form.ts';
import { InvalidError, TocsinError } from '../../domain/errors.ts';
import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { loadFactSheet, type FactSheet } from '../facts/get-fact-sheet.ts';
import { parseInput } from '../schemas.ts';
import { getIncidentRegulatory } from './incident-regulatory.ts';

type RegulatoryView = Awaited<ReturnType<typeof getIncidentRegulatory>>;
type DeadlineView = RegulatoryView['deadlines'][number];

const whyNotApplicable: Record<Regime, string> = {
  gdpr: 'GDPR reports need the workspace\'s GDPR role in the regulatory settings, the personal data breach flag on the fact sheet, and a risk assessment that calls for this report',
  nis2: 'NIS2 reports need the NIS2 entity type in the regulatory settings; a progress report exists only while the incident is still ongoing a month after the notification',
  dora: 'DORA reports need the workspace to be a DORA financial entity in the regulatory settings',
  eprivacy: 'ePrivacy notices need the electronic communications provider setting and the personal data breach flag on the fact sheet',
  fr: 'French sector declarations need the matching sector setting (OIV/OSE, telecom operator, health entity)',
};

function reportIdOf(report: string): DeadlineId {
  const id = deadlineIds.find((known) => known === report);
  if (!id) throw new TocsinError('not_found', 'report-unknown', `No report "${report}": the reports are ${deadlineIds.join(', ')}.`);
  return id;
}

function applicableDeadline(view: RegulatoryView, id: DeadlineId): DeadlineView {
  const deadline = view.deadlines.find((d) => d.id === id);
  if (deadline) return deadline;
  const names = reportNames(id);
  throw new TocsinError('not_found', 'report-not-applicable', `The ${names.name.en.toLowerCase()} (${id}) does not apply to this incident: ${whyNotApplicable[id.slice(0, id.indexOf('.')) as Regime]}.`);
}

interface Sources {
  view: RegulatoryView;
  sheet: FactSheet;
  workspace: { name: string; default_language: FormLanguage };
  saved: Map<string, Row<'regulatory_reports'>>;
}

/** Reads in the caller's transaction when `ctx.tx` is set. */
async function loadSources(ctx: Ctx, incidentId: string, report?: DeadlineId): Promise<Sources> {
  const db = ctx.tx ?? ctx.db.db;
  const view = await getIncidentRegulatory({ ctx, incidentId });
  let savedQuery = db.selectFrom('regulatory_reports').selectAll().where('workspace_id', '=', ctx.workspaceId).where('incident_id', '=', incidentId);
  if (report) savedQuery = savedQuery.where('report', '=', report);
  const [sheet, workspace, saved] = await Promise.all([
    loadFactSheet(db, ctx, incidentId),
    db.selectFrom('workspaces').select(['name', 'default_language']).where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow(),
    savedQuery.execute(),
  ]);
  return { view, sheet, workspace, saved: new Map(saved.map((row) => [row.report, row])) };
}

const date = (iso: string | null) => (iso ? new Date(iso) : null);

function factsOf({ view, sheet, workspace }: Sources, language: FormLanguage): ReportFacts {
  return {
    language,
    timeZone: view.time_zone,
    workspaceName: workspace.name,
    incident: {
      id: view.incident_id,
      name: sheet.incident.name,
      impact: sheet.incident.impact,
      occurredAt: date(view.stamps.occurred_at),
      detectedAt: date(view.stamps.detected_at),
      recoveredAt: date(view.stamps.regular_activities_recovered_at),
      resolvedAt: date(view.stamps.resolved_at),
    },
    known: sheet.known.map((entry) => entry.text),
    unconfirmed: sheet.unconfirmed.map((entry) => entry.text),
    keyMessages: sheet.key_messages.map((entry) => ({ text: entry.text, language: entry.language })),
    figures: { affectedPeople: sheet.figures.affected_people, records: sheet.figures.records, regions: sheet.figures.regions },
    components: sheet.incident.components,
    referent: sheet.referent && { name: sheet.referent.name, email: sheet.referent.email },
    risk: view.risk,
    riskRationale: view.risk_rationale,
    isPersonalDataBreach: view.personal_data_breach,
    submissions: view.submissions.map((s) => ({ report: `${s.regime}.${s.report}` as DeadlineId, submittedAt: new Date(s.submitted_at), authorityRef: s.authority_ref })),
  };
}

/** One report's form: the saved answers over the prefill, each saying where it comes from. */
function buildForm(sources: Sources, deadline: DeadlineView, language: FormLanguage) {
  const id = deadline.id;
  const row = sources.saved.get(id);
  const saved = row?.answers ?? {};
  const prefilled = prefillAnswers(id, factsOf(sources, language));
  const content = deadline.content.map((item) => ({ key: item.key, en: item.label.en, fr: item.label.fr, isMandatory: item.mandatory }));
  const answers: Record<string, { text: string; source: 'saved' | 'prefilled' }> = {};
  for (const { key } of content) {
    if (saved[key] !== undefined) answers[key] = { text: saved[key], source: 'saved' };
    else if (prefilled[key] !== undefined) answers[key] = { text: prefilled[key], source: 'prefilled' };
  }
  const texts = Object.fromEntries(Object.entries(answers).map(([key, answer]) => [key, answer.text]));
  const completeness = checkCompleteness(content, texts);
  const form: ReportForm = {
    deadline: { id, rule: deadline.rule, dueAt: date(deadline.due_at), undueDelay: deadline.undue_delay, content },
    incidentName: sources.sheet.incident.name,
    workspaceName: sources.workspace.name,
    timeZone: sources.view.time_zone,
    answers: texts,
  };
  return { row, answers, completeness, form };
}

function presentForm(sources: Sources, deadline: DeadlineView, language: FormLanguage) {
  const { row, answers, completeness } = buildForm(sources, deadline, language);
  const names = reportNames(deadline.id);
  return {
    incident_id: sources.view.incident_id,
    report: deadline.id,
    regime: deadline.regime,
    name: names.name,
    recipient: names.recipient,
    rule: deadline.rule,
    tag: deadline.tag,
    status: deadline.status,
    due_at: deadline.due_at,
    undue_delay: deadline.undue_delay,
    requires_late_reason: deadline.requires_late_reason,
    time_zone: sources.view.time_zone,
    language,
    content: deadline.content,
    answers,
    completeness: { complete: completeness.complete, missing: completeness.missing, optional_missing: completeness.optionalMissing },
    updated_at: row?.updated_at.toISOString() ?? null,
    updated_by: row?.updated_by_name ?? null,
    version: row?.version ?? 0,
  };
}

const languageOf = (sources: Sources, language: FormLanguage | undefined) => language ?? sources.workspace.default_language;

/** Every report the incident owes under the workspace's regimes, with its deadline and how complete its form is. */
export async function listReportForms({ ctx, incidentId, language }: { ctx: Ctx; incidentId: string; language?: FormLanguage }) {
  authorize(ctx, 'regulatory.read');
  const sources = await loadSources(ctx, incidentId);
  const lang = languageOf(sources, language);
  return {
    incident_id: incidentId,
    time_zone: sources.view.time_zone,
    reports: sources.view.deadlines.map((deadline) => {
      const { report, regime, name, recipient, status, due_at, undue_delay, completeness, version } = presentForm(sources, deadline, lang);
      return { report, regime, name, recipient, status, due_at, undue_delay, complete: completeness.complete, missing: completeness.missing, version };
    }),
  };
}

/** A report's form: its deadline, what it must contain, the answers (saved, else prefilled from the facts) and what is missing. */
export async function getReportForm({ ctx, incidentId, report, language }: { ctx: Ctx; incidentId: string; report: string; language?: FormLanguage }) {
  authorize(ctx, 'regulatory.read');
  const id = reportIdOf(report);
  const sources = await loadSources(ctx, incidentId, id);
  return presentForm(sources, applicableDeadline(sources.view, id), languageOf(sources, language));
}

export const SaveReportFormInput = z.strictObject({
  /** Content key → text; null removes the saved answer (the prefill shows again), "" keeps the item empty. */
  answers: z.record(z.string().min(1).max(100), z.string().max(20_000).nullable()).refine((answers) => Object.keys(answers).length <= 100, 'at most 100 answers at once'),
});
export type SaveReportFormInput = z.input<typeof SaveReportFormInput>;

/** Saves answers into a report's form; the other answers stay. Unknown items are refused, all named. */
export async function saveReportForm({ ctx, incidentId, report, input, expectedVersion, language }: { ctx: Ctx; incidentId: string; report: string; input: SaveReportFormInput; expectedVersion?: number; language?: FormLanguage }) {
  authorize(ctx, 'regulatory.manage');
  const id = reportIdOf(report);
  const data = parseInput(SaveReportFormInput, input);
  // The late reason is accepted before the deadline passes: it may be written ahead.
  const keys = new Set([...reports[id].content.map((item) => item.key), lateReason.key]);
  const unknown = Object.keys(data.answers).filter((key) => !keys.has(key));
  if (unknown.length > 0) {
    throw new InvalidError(`Not an item of the ${id} report: ${unknown.join(', ')}. Its items are ${[...keys].join(', ')}.`, unknown.map((key) => ({ pointer: `/answers/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`, detail: 'not an item of this report' })), 'report-item-unknown');
  }
  return withTransaction(ctx, async (tx) => {
    await tx.selectFrom('incidents').select('id').where('workspace_id', '=', ctx.workspaceId).where('id', '=', incidentId).forUpdate().executeTakeFirst();
    const sources = await loadSources({ ...ctx, tx }, incidentId, id);
    const deadline = applicableDeadline(sources.view, id);
    const before = sources.saved.get(id);
    checkVersion('report form', before?.version ?? 0, expectedVersion);
    const answers: Record<string, string> = { ...before?.answers };
    for (const [key, text] of Object.entries(data.answers)) {
      if (text === null) delete answers[key];
      else answers[key] = text.trim();
    }
    const now = ctx.now();
    const values = { answers: JSON.stringify(answers), updated_at: now, updated_by_name: ctx.actor.name };
    const row = await tx
      .insertInto('regulatory_reports')
      .values({ workspace_id: ctx.workspaceId, incident_id: incidentId, report: id, ...values, version: 1 })
      .onConflict((oc) => oc.columns(['workspace_id', 'incident_id', 'report']).doUpdateSet({ ...values, version: (before?.version ?? 0) + 1 }))
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'regulatory_report.save', entityType: 'regulatory_report', entityId: incidentId, before: before ? { report: id, answers: before.answers } : null, after: { report: id, answers: row.answers } });
    return presentForm({ ...sources, saved: new Map([[id, row]]) }, deadline, languageOf(sources, language));
  });
}

export const exportFormats = ['md', 'html', 'pdf'] as const;
export type ExportFormat = (typeof exportFormats)[number];

// Raw HTML off: what someone typed into an answer is shown as text, never run.
const markdown = new MarkdownIt({ html: false, linkify: false, breaks: true });
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
const printStyle = 'body{font:15px/1.5 system-ui,sans-serif;color:#111;max-width:46rem;margin:2rem auto;padding:0 1rem}h1{font-size:1.6rem}h2{font-size:1.05rem;margin:1.6rem 0 .3rem}hr{border:0;border-top:1px solid #bbb;margin-top:2rem}@media print{body{margin:0;max-width:none}}';

function htmlPage(title: string, language: FormLanguage, body: string): string {
  return `<!doctype html>\n<html lang="${language}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n<style>${printStyle}</style>\n</head>\n<body>\n<main>\n${body}</main>\n</body>\n</html>\n`;
}

/** The form's time, which dates a PDF: the same form exported twice gives the same bytes. */
function formTime(sources: Sources, row: Row<'regulatory_reports'> | undefined): Date {
  const times = [row?.updated_at, date(sources.sheet.updated_at), ...sources.view.submissions.map((s) => new Date(s.created_at)), new Date(sources.sheet.incident.started_at)];
  return new Date(Math.max(...times.filter((at): at is Date => at instanceof Date).map((at) => at.getTime())));
}

/** A report ready to file on the authority's portal: Markdown, a printable HTML page or a PDF, in French or English. */
export async function exportReportForm({ ctx, incidentId, report, format, language }: { ctx: Ctx; incidentId: string; report: string; format: ExportFormat; language?: FormLanguage }) {
  authorize(ctx, 'regulatory.read');
  const id = reportIdOf(report);
  const sources = await loadSources(ctx, incidentId, id);
  const lang = languageOf(sources, language);
  const { form, row } = buildForm(sources, applicableDeadline(sources.view, id), lang);
  const fileName = `tocsin-${incidentId}-${id.replace(/[._]/g, '-')}-${lang}.${format}`;
  switch (format) {
    case 'md':
      return { body: Buffer.from(renderReportMarkdown(form, lang), 'utf8'), contentType: 'text/markdown; charset=utf-8', fileName };
    case 'html':
      return { body: Buffer.from(htmlPage(reportNames(id).name[lang], lang, markdown.render(renderReportMarkdown(form, lang))), 'utf8'), contentType: 'text/html; charset=utf-8', fileName };
    case 'pdf':
      return { body: await renderReportPdf(reportDocument(form, lang), formTime(sources, row)), contentType: 'application/pdf', fileName };
  }
}
