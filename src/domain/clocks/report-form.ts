import { DateTime } from 'luxon';
import type { ContentItem, Deadline, DeadlineId, GdprRisk } from './regulatory.ts';
import { reports, reportsFr } from './reports.ts';

export type FormLanguage = 'fr' | 'en';

/** What a report form can be prefilled from: the fact sheet, the incident and its clocks, as plain values. */
export interface ReportFacts {
  language: FormLanguage;
  timeZone: string;
  workspaceName: string;
  incident: {
    id: string;
    name: string;
    impact: 'none' | 'minor' | 'major' | 'critical';
    occurredAt: Date | null;
    detectedAt: Date | null;
    recoveredAt: Date | null;
    resolvedAt: Date | null;
  };
  /** Known facts, oldest first. */
  known: readonly string[];
  /** Hypotheses: never written as known, always marked unconfirmed. */
  unconfirmed: readonly string[];
  keyMessages: ReadonlyArray<{ text: string; language: FormLanguage | null }>;
  /** The newest confirmed figures. */
  figures: { affectedPeople?: number; records?: number; regions?: readonly string[] };
  components: readonly string[];
  referent: { name: string; email: string } | null;
  risk: GdprRisk | null;
  riskRationale: string | null;
  isPersonalDataBreach: boolean;
  submissions: ReadonlyArray<{ report: DeadlineId; submittedAt: Date; authorityRef: string | null }>;
}

const words = {
  fr: {
    unconfirmed: 'non confirmé', impact: 'Impact', components: 'Services touchés', people: 'Personnes concernées', records: 'Enregistrements',
    regions: 'Régions', occurred: 'Survenance', detected: 'Détection', recovered: 'Rétablissement des activités', resolved: 'Résolution',
    ongoing: 'En cours depuis le', resolvedOn: 'Résolu le', risk: 'Niveau de risque évalué', contact: 'contact',
    impacts: { none: 'aucun', minor: 'mineur', major: 'majeur', critical: 'critique' },
    risks: { unlikely: 'risque improbable', risk: 'risque', high: 'risque élevé' },
    phases: { initial: 'Initiale', intermediate: 'Intermédiaire', final: 'Finale' },
    firstNotice: 'Notification initiale', followUp: (at: string, ref: string | null) => `Complémentaire à la notification du ${at}${ref ? ` (référence ${ref})` : ''}`,
  },
  en: {
    unconfirmed: 'unconfirmed', impact: 'Impact', components: 'Affected services', people: 'People affected', records: 'Records',
    regions: 'Regions', occurred: 'Occurred', detected: 'Detected', recovered: 'Regular activities recovered', resolved: 'Resolved',
    ongoing: 'Ongoing since', resolvedOn: 'Resolved on', risk: 'Assessed risk level', contact: 'contact',
    impacts: { none: 'none', minor: 'minor', major: 'major', critical: 'critical' },
    risks: { unlikely: 'unlikely to result in a risk', risk: 'risk', high: 'high risk' },
    phases: { initial: 'Initial', intermediate: 'Intermediate', final: 'Final' },
    firstNotice: 'Initial notification', followUp: (at: string, ref: string | null) => `Follow-up to the notification of ${at}${ref ? ` (reference ${ref})` : ''}`,
  },
} as const;

/** A local date and time in the workspace's zone, as the form prints it. */
export function formatTime(at: Date, timeZone: string, language: FormLanguage): string {
  const local = DateTime.fromJSDate(at, { zone: timeZone }).setLocale(language);
  return `${local.toFormat(language === 'fr' ? "d MMMM yyyy 'à' HH:mm" : 'd MMMM yyyy, HH:mm')} (${timeZone})`;
}

// Intl groups French thousands with a narrow no-break space, which the PDF's standard fonts lack.
const formatNumber = (value: number, language: FormLanguage) => new Intl.NumberFormat(language).format(value).replaceAll('\u202f', '\u00a0');
/** "Label : value" with French spacing (a no-break space before the colon), "Label: value" in English. */
const kv = (language: FormLanguage, label: string, value: string) => (language === 'fr' ? `${label}\u00a0: ${value}` : `${label}: ${value}`);
const lines = (list: ReadonlyArray<string | null | false | undefined>) => {
  const kept = list.filter((line): line is string => typeof line === 'string' && line.trim() !== '');
  if (kept.length === 0) return null;
  return kept.length === 1 ? kept[0]! : kept.map((line) => `- ${line.trim().replace(/\s*\n\s*/g, ' ')}`).join('\n');
};

// A fact "says" a measure when it names one; the person filing reads and edits every prefilled answer.
const measureWords = {
  en: /\b(reset|revok\w*|rotat\w*|block\w*|patch\w*|fixed|restor\w*|quarantin\w*|disabl\w*|suspend\w*|contained|mitigat\w*|deployed|measures?|taken offline|took \w+ offline|changed the passwords?)\b/i,
  fr: /(réinitialis|révoqu|bloqu|corrig|restaur|quarantaine|désactiv|suspendu|atténu|déploy|mesures?\b|mis hors ligne|renouvel)/i,
};

function factsText(facts: ReportFacts): string | null {
  const marker = words[facts.language].unconfirmed;
  return lines([...facts.known, ...facts.unconfirmed.map((text) => `(${marker}) ${text}`)]);
}

function impactText(facts: ReportFacts): string | null {
  const w = words[facts.language];
  const { figures, language } = facts;
  const details = [
    facts.components.length > 0 && kv(language, w.components, facts.components.join(', ')),
    figures.affectedPeople !== undefined && kv(language, w.people, formatNumber(figures.affectedPeople, language)),
    figures.records !== undefined && kv(language, w.records, formatNumber(figures.records, language)),
    figures.regions && figures.regions.length > 0 && kv(language, w.regions, figures.regions.join(', ')),
  ].filter((line) => typeof line === 'string');
  // The impact level alone says little: with nothing else known the item stays empty.
  return details.length === 0 ? null : lines([kv(language, w.impact, w.impacts[facts.incident.impact]), ...details]);
}

function measuresText(facts: ReportFacts): string | null {
  const saysMeasure = (text: string) => measureWords.en.test(text) || measureWords.fr.test(text);
  const messages = facts.keyMessages.filter((m) => m.language === null || m.language === facts.language).map((m) => m.text);
  return lines([...new Set([...facts.known, ...messages].filter(saysMeasure))]);
}

function contactText(facts: ReportFacts): string | null {
  return facts.referent ? `${facts.referent.name} (${facts.referent.email})` : null;
}

type Filler = (facts: ReportFacts, report: DeadlineId) => string | null;
const time = (facts: ReportFacts, at: Date | null) => (at ? formatTime(at, facts.timeZone, facts.language) : null);
const entityWithContact: Filler = (facts) => (facts.referent ? `${facts.workspaceName} — ${kv(facts.language, words[facts.language].contact, contactText(facts)!)}` : null);

/** What each content key can be prefilled from; a key absent here is left for a person to write. */
const fillers: Record<string, Filler> = {
  breach_nature: factsText,
  incident_description: factsText,
  circumstances: factsText,
  summary: factsText,
  detailed_description: factsText,
  data_subjects_approx: (facts) => (facts.figures.affectedPeople === undefined ? null : formatNumber(facts.figures.affectedPeople, facts.language)),
  subscribers_approx: (facts) => (facts.figures.affectedPeople === undefined ? null : formatNumber(facts.figures.affectedPeople, facts.language)),
  records_approx: (facts) => (facts.figures.records === undefined ? null : formatNumber(facts.figures.records, facts.language)),
  contact_point: contactText,
  contacts: contactText,
  entity_contact: entityWithContact,
  provider: entityWithContact,
  submitting_entity: (facts) => facts.workspaceName,
  likely_consequences: (facts) => (facts.risk && facts.riskRationale ? `${kv(facts.language, words[facts.language].risk, words[facts.language].risks[facts.risk])}. ${facts.riskRationale}` : null),
  measures: measuresText,
  mitigation: measuresText,
  temporary_recovery: measuresText,
  initial_assessment: impactText,
  severity_impact: impactText,
  consequences: impactText,
  impact: impactText,
  affected: (facts) => (facts.components.length > 0 ? facts.components.join(', ') : null),
  detected_at: (facts) => time(facts, facts.incident.detectedAt),
  incident_reference: (facts) => facts.incident.id,
  submission_type: (facts, report) => words[facts.language].phases[report.slice(report.indexOf('.') + 1) as 'initial' | 'intermediate' | 'final'] ?? null,
  incident_times: (facts) => {
    const w = words[facts.language];
    const { occurredAt, detectedAt } = facts.incident;
    return lines([occurredAt && kv(facts.language, w.occurred, time(facts, occurredAt)!), detectedAt && kv(facts.language, w.detected, time(facts, detectedAt)!)]);
  },
  occurred_recovered: (facts) => {
    const w = words[facts.language];
    const { occurredAt, recoveredAt } = facts.incident;
    return lines([occurredAt && kv(facts.language, w.occurred, time(facts, occurredAt)!), recoveredAt && kv(facts.language, w.recovered, time(facts, recoveredAt)!)]);
  },
  resolved_times: (facts) => (facts.incident.resolvedAt ? kv(facts.language, words[facts.language].resolved, time(facts, facts.incident.resolvedAt)!) : null),
  progress_status: (facts) => {
    const w = words[facts.language];
    if (facts.incident.resolvedAt) return `${w.resolvedOn} ${time(facts, facts.incident.resolvedAt)}`;
    return facts.incident.detectedAt ? `${w.ongoing} ${time(facts, facts.incident.detectedAt)}` : null;
  },
  authority_reference: (facts) => facts.submissions.find((s) => s.report === 'dora.initial' && s.authorityRef)?.authorityRef ?? null,
  submission_phase: (facts, report) => {
    const previous = facts.submissions.filter((s) => s.report === report).at(-1);
    return previous ? words[facts.language].followUp(time(facts, previous.submittedAt)!, previous.authorityRef) : words[facts.language].firstNotice;
  },
};

/**
 * The answers the facts give for a report's content: only what the fact sheet, the incident and its
 * clocks say, in the form's language; everything else stays for a person to write. Hypotheses are
 * written with their "unconfirmed" mark, never as known facts.
 */
export function prefillAnswers(reportId: DeadlineId, facts: ReportFacts): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const item of reports[reportId].content) {
    const text = fillers[item.key]?.(facts, reportId);
    if (text) answers[item.key] = text;
  }
  return answers;
}

export interface Completeness {
  complete: boolean;
  /** Mandatory items without a non-blank answer, in the form's order. */
  missing: string[];
  optionalMissing: string[];
}

export function checkCompleteness(content: readonly ContentItem[], answers: Readonly<Record<string, string | undefined>>): Completeness {
  const isBlank = (key: string) => !answers[key]?.trim();
  const missing = content.filter((item) => item.isMandatory && isBlank(item.key)).map((item) => item.key);
  const optionalMissing = content.filter((item) => !item.isMandatory && isBlank(item.key)).map((item) => item.key);
  return { complete: missing.length === 0, missing, optionalMissing };
}

/** A report as filed: its deadline, what it must contain and the answers. */
export interface ReportForm {
  deadline: Pick<Deadline, 'id' | 'rule' | 'dueAt' | 'undueDelay' | 'content'>;
  incidentName: string;
  workspaceName: string;
  timeZone: string;
  answers: Readonly<Record<string, string>>;
}

/** The report laid out once, for Markdown and PDF alike. */
export interface ReportDocument {
  language: FormLanguage;
  title: string;
  meta: Array<{ label: string; value: string }>;
  items: Array<{ label: string; text: string; isMissing: boolean; isOptional: boolean }>;
  disclaimer: string;
  pageLabel: (page: number, count: number) => string;
}

const labels = {
  fr: {
    incident: 'Incident', organisation: 'Organisation', recipient: 'Destinataire', due: 'Échéance', rule: 'Règle',
    undueDelay: 'Sans délai injustifié (le texte ne fixe pas d\'heures)', notStarted: 'Pas encore déclenchée',
    toComplete: 'À compléter', optional: 'facultatif', notProvided: 'Non renseigné',
    disclaimer: 'Ce document n\'est pas un avis juridique. La règle citée est la base du délai et du contenu demandé ; vérifiez le formulaire de l\'autorité avant de déposer.',
    page: (page: number, count: number) => `Page ${page} sur ${count}`,
  },
  en: {
    incident: 'Incident', organisation: 'Organisation', recipient: 'Recipient', due: 'Due', rule: 'Rule',
    undueDelay: 'Without undue delay (the text sets no hours)', notStarted: 'Not started yet',
    toComplete: 'To be completed', optional: 'optional', notProvided: 'Not provided',
    disclaimer: 'This document is not legal advice. The rule quoted is the basis for the deadline and the content asked for; check the authority\'s form before filing.',
    page: (page: number, count: number) => `Page ${page} of ${count}`,
  },
} as const;

export function reportNames(id: DeadlineId): { name: Record<FormLanguage, string>; recipient: Record<FormLanguage, string> } {
  return { name: { en: reports[id].reportName, fr: reportsFr[id].reportName }, recipient: { en: reports[id].recipient, fr: reportsFr[id].recipient } };
}

export function reportDocument(form: ReportForm, language: FormLanguage): ReportDocument {
  const l = labels[language];
  const { deadline } = form;
  const names = reportNames(deadline.id);
  const due = deadline.dueAt ? formatTime(deadline.dueAt, form.timeZone, language) : deadline.undueDelay ? l.undueDelay : l.notStarted;
  return {
    language,
    title: names.name[language],
    meta: [
      { label: l.incident, value: form.incidentName },
      { label: l.organisation, value: form.workspaceName },
      { label: l.recipient, value: names.recipient[language] },
      { label: l.due, value: due },
      { label: l.rule, value: deadline.rule },
    ],
    items: deadline.content.map((item) => {
      const answer = form.answers[item.key]?.trim();
      const label = item.isMandatory ? item[language] : `${item[language]} (${l.optional})`;
      if (answer) return { label, text: answer, isMissing: false, isOptional: !item.isMandatory };
      return { label, text: item.isMandatory ? l.toComplete : l.notProvided, isMissing: true, isOptional: !item.isMandatory };
    }),
    disclaimer: l.disclaimer,
    pageLabel: l.page,
  };
}

// Names and labels are plain text: they must not turn into emphasis, links or headings.
const plain = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\s*\n\s*/g, ' ');

/** The report as Markdown: title, recipient, rule and due time, then each item; empty mandatory ones flagged. */
export function renderReportMarkdown(form: ReportForm, language: FormLanguage): string {
  const doc = reportDocument(form, language);
  const colonMark = language === 'fr' ? '\u00a0:' : ':';
  const parts = [`# ${plain(doc.title)}`, doc.meta.map((m) => `- **${m.label}${colonMark}** ${plain(m.value)}`).join('\n')];
  for (const item of doc.items) {
    parts.push(`## ${plain(item.label)}`, item.isMissing ? (item.isOptional ? `*${item.text}*` : `**${item.text}**`) : item.text);
  }
  parts.push('---', `*${doc.disclaimer}*`);
  return `${parts.join('\n\n')}\n`;
}
