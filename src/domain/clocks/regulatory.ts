import { DateTime, IANAZone } from 'luxon';
import { frenchPublicHolidays, shiftToNextWorkingDay } from './holidays.ts';
import { lateReason, reports } from './reports.ts';

export type Regime = 'gdpr' | 'nis2' | 'dora' | 'eprivacy' | 'fr';
export type GdprRole = 'controller' | 'processor';
export type Nis2Entity = 'essential' | 'important' | 'trust_service';
/** The controller's assessment of the breach (GDPR Art. 33(1), 34(1); EDPB 9/2022). */
export type GdprRisk = 'unlikely' | 'risk' | 'high';
/** Strength of the source: primary text, secondary source, unconfirmed (a setting, not law). */
export type SourceTag = 'P' | 'S' | 'U';
export type DeadlineStatus = 'waiting' | 'running' | 'met' | 'late' | 'overdue';

export const deadlineIds = [
  'gdpr.authority', 'gdpr.processor_to_controller', 'gdpr.data_subjects',
  'nis2.early_warning', 'nis2.notification', 'nis2.progress', 'nis2.final', 'nis2.recipients',
  'dora.initial', 'dora.intermediate', 'dora.final', 'dora.clients',
  'eprivacy.initial', 'eprivacy.second',
  'fr.anssi', 'fr.telecom', 'fr.health',
] as const;
export type DeadlineId = (typeof deadlineIds)[number];
type ReportOf<Id> = Id extends `${string}.${infer Report}` ? Report : never;
/** The report part of a deadline id: a submission of `{ regime: 'nis2', report: 'notification' }` meets `nis2.notification`. */
export type ReportKind = ReportOf<DeadlineId>;

export interface RegulatorySettings {
  /** IANA time zone the workspace's dates, calendar months and working days are read in. (Default: 'Europe/Paris') */
  timeZone: string;
  /** Non-working days besides weekends, yyyy-mm-dd; must cover the years deadlines fall in. (Default: French public holidays) */
  holidays: readonly string[];
  /** DORA [S]: a deadline on a weekend or holiday moves to `doraShiftHour`:00 the next working day. (Default: true) */
  isDoraWorkingDayShiftOn: boolean;
  /** Local hour a shifted DORA deadline falls at. (Default: 12) */
  doraShiftHour: number;
  /** DORA [U]: classified major more than 24 h after awareness → due 4 h after classification (RTS 2025/301 Art. 5(2)). (Default: true) */
  isDoraLateClassificationRuleOn: boolean;
}

export interface RegulatoryProfile {
  /** Empty when the workspace does not follow GDPR; both when it is controller for some data and processor for other. */
  gdprRoles: readonly GdprRole[];
  /** Null when NIS2 does not apply. */
  nis2: Nis2Entity | null;
  isDoraFinancialEntity: boolean;
  /** Publicly available electronic communications provider (Reg. 611/2013). */
  isEprivacyProvider: boolean;
  /** OIV, OSE, FSN or PSCE under French law. */
  isFrOivOse: boolean;
  isFrTelecomOperator: boolean;
  isFrHealthEntity: boolean;
  settings: RegulatorySettings;
}

export interface RegulatorySubmission {
  regime: Regime;
  report: ReportKind;
  submittedAt: Date;
  authorityRef?: string;
  lateReason?: string;
  /** True when the notice said everything; a complete ePrivacy initial notice needs no second one. */
  isComplete?: boolean;
}

/** The core timestamps of an incident (regulatory.md §2.0); unset means not yet. */
export interface RegulatoryStamps {
  occurredAt?: Date | null;
  detectedAt?: Date | null;
  awareAtGdpr?: Date | null;
  processorNotifiedControllerAt?: Date | null;
  awareSignificantAt?: Date | null;
  classifiedMajorAt?: Date | null;
  regularActivitiesRecoveredAt?: Date | null;
  handlingConcludedAt?: Date | null;
  resolvedAt?: Date | null;
  isPersonalDataBreach: boolean;
  /** Undefined while not assessed: the authority deadline then runs ("if in doubt, notify"). */
  risk?: GdprRisk;
  submissions: readonly RegulatorySubmission[];
}

type DateStamp = Exclude<keyof RegulatoryStamps, 'isPersonalDataBreach' | 'risk' | 'submissions'>;
/** What a clock runs from: a core timestamp, another report's submission, or another deadline. */
export type StartStamp = DateStamp | `${DeadlineId}.submittedAt` | `${DeadlineId}.dueAt`;

/** One item a report must (or, when not mandatory, should) contain, with its form labels. */
export interface ContentItem {
  key: string;
  en: string;
  fr: string;
  isMandatory: boolean;
}

export interface Deadline {
  id: DeadlineId;
  regime: Regime;
  reportName: string;
  recipient: string;
  /** Null while waiting, and for "without undue delay" duties that set no hours (then `undueDelay`). */
  dueAt: Date | null;
  undueDelay: boolean;
  startsFrom: { stamp: StartStamp; at: Date | null };
  /** The source rule, quoted for the person who files the report. */
  rule: string;
  /** The weakest source the due time rests on (a [U] calendar month or an [S] weekend shift included). */
  tag: SourceTag;
  contentTag: SourceTag;
  /** The due time before the weekend/holiday rule moved it. */
  shiftedFrom?: Date;
  status: DeadlineStatus;
  submittedAt?: Date;
  /** Late or overdue under GDPR, NIS2 or DORA: the report must give the reasons for the delay. */
  requiresLateReason: boolean;
  content: readonly ContentItem[];
}

export interface RiskDecision {
  shouldNotifyAuthority: boolean;
  shouldInformDataSubjects: boolean;
  shouldRecordInRegister: true;
}

/** What regulatory.md §2.2 requires at each risk level; not assessed yet counts as "risk" ("if in doubt, notify"). */
export function riskDecision(risk: GdprRisk | undefined): RiskDecision {
  switch (risk) {
    case 'unlikely':
      return { shouldNotifyAuthority: false, shouldInformDataSubjects: false, shouldRecordInRegister: true };
    case 'risk':
    case undefined:
      return { shouldNotifyAuthority: true, shouldInformDataSubjects: false, shouldRecordInRegister: true };
    case 'high':
      return { shouldNotifyAuthority: true, shouldInformDataSubjects: true, shouldRecordInRegister: true };
  }
}

/** Settings with the defaults of regulatory.md; the holiday calendar covers `years`. */
export function defaultRegulatorySettings(years: readonly number[], timeZone = 'Europe/Paris'): RegulatorySettings {
  return { timeZone, holidays: years.flatMap(frenchPublicHolidays), isDoraWorkingDayShiftOn: true, doraShiftHour: 12, isDoraLateClassificationRuleOn: true };
}

/** One clock before its status: where it starts (null = waiting) and when it falls due. */
interface Clock {
  id: DeadlineId;
  stamp: StartStamp;
  from: Date | null;
  dueAt: Date | null;
  undueDelay: boolean;
  rule?: string;
  tag?: SourceTag;
  shiftedFrom?: Date;
}

const hours = (at: Date, count: number) => new Date(at.getTime() + count * 3_600_000);
// 'P' < 'S' < 'U' as strings: the weakest source is the greatest.
const weakest = (a: SourceTag, b: SourceTag | undefined): SourceTag => (b && b > a ? b : a);
const byTime = (a: Date, b: Date) => a.getTime() - b.getTime();

/**
 * Every deadline the profile makes applicable to an incident, in `deadlineIds` order, each with its
 * source rule and its status at `now`. Hours are elapsed time (72 h across a DST change is 72 real
 * hours); months and days are counted on the workspace's local calendar.
 */
export function computeDeadlines(profile: RegulatoryProfile, stamps: RegulatoryStamps, now: Date): Deadline[] {
  const { settings } = profile;
  if (!IANAZone.isValidZone(settings.timeZone)) throw new RangeError(`Unknown time zone "${settings.timeZone}".`);
  const local = (at: Date, plus: { months?: number; days?: number }) => DateTime.fromJSDate(at, { zone: settings.timeZone }).plus(plus).toJSDate();
  const submissionsOf = (id: DeadlineId) => stamps.submissions.filter((s) => `${s.regime}.${s.report}` === id).sort((a, b) => byTime(a.submittedAt, b.submittedAt));
  const firstAt = (id: DeadlineId) => submissionsOf(id)[0]?.submittedAt ?? null;
  const clocks: Clock[] = [];
  const timed = (id: DeadlineId, stamp: StartStamp, from: Date | null | undefined, due: (from: Date) => Date, extra: Partial<Clock> = {}) =>
    clocks.push({ id, stamp, from: from ?? null, dueAt: from ? due(from) : null, undueDelay: false, ...extra });
  const undue = (id: DeadlineId, stamp: StartStamp, from: Date | null | undefined) => clocks.push({ id, stamp, from: from ?? null, dueAt: null, undueDelay: true });
  const doraDue = (at: Date): Pick<Clock, 'dueAt' | 'shiftedFrom' | 'tag'> => {
    const shifted = settings.isDoraWorkingDayShiftOn ? shiftToNextWorkingDay(at, settings, settings.doraShiftHour) : null;
    return shifted ? { dueAt: shifted, shiftedFrom: at, tag: 'S' } : { dueAt: at };
  };

  if (stamps.isPersonalDataBreach) {
    const decision = riskDecision(stamps.risk);
    const isController = profile.gdprRoles.includes('controller');
    if (isController && decision.shouldNotifyAuthority) timed('gdpr.authority', 'awareAtGdpr', stamps.awareAtGdpr, (at) => hours(at, 72));
    if (profile.gdprRoles.includes('processor')) undue('gdpr.processor_to_controller', 'awareAtGdpr', stamps.awareAtGdpr);
    if (isController && decision.shouldInformDataSubjects) undue('gdpr.data_subjects', 'awareAtGdpr', stamps.awareAtGdpr);
  }

  if (profile.nis2) {
    const aware = stamps.awareSignificantAt;
    timed('nis2.early_warning', 'awareSignificantAt', aware, (at) => hours(at, 24));
    if (profile.nis2 === 'trust_service') {
      timed('nis2.notification', 'awareSignificantAt', aware, (at) => hours(at, 24), { rule: 'NIS2 Art. 23(4)(b): by derogation, a trust service provider notifies within 24 h of becoming aware of the significant incident' });
    } else {
      timed('nis2.notification', 'awareSignificantAt', aware, (at) => hours(at, 72));
    }
    const notifiedAt = firstAt('nis2.notification');
    const monthAfter = notifiedAt && local(notifiedAt, { months: 1 });
    const concludedAt = stamps.handlingConcludedAt ?? null;
    if (!monthAfter || (concludedAt && concludedAt <= monthAfter)) {
      timed('nis2.final', 'nis2.notification.submittedAt', notifiedAt, (at) => local(at, { months: 1 }));
    } else {
      timed('nis2.progress', 'nis2.notification.submittedAt', notifiedAt, () => monthAfter);
      timed('nis2.final', 'handlingConcludedAt', concludedAt, (at) => local(at, { months: 1 }), { rule: 'NIS2 Art. 23(4)(e): incident ongoing 1 month after the notification → final report within 1 month of handling it' });
    }
    undue('nis2.recipients', 'awareSignificantAt', aware);
  }

  if (profile.isDoraFinancialEntity) {
    const classifiedAt = stamps.classifiedMajorAt ?? null;
    // "Aware" of the ICT incident (RTS 2025/301 Art. 5(1)(a)) is read as its detection.
    const awareAt = stamps.detectedAt ?? null;
    const initial = { id: 'dora.initial', undueDelay: false } as const;
    if (!classifiedAt) {
      clocks.push({ ...initial, stamp: 'classifiedMajorAt', from: null, dueAt: null });
    } else if (!awareAt || hours(classifiedAt, 4) <= hours(awareAt, 24)) {
      clocks.push({ ...initial, stamp: 'classifiedMajorAt', from: classifiedAt, ...doraDue(hours(classifiedAt, 4)) });
    } else if (classifiedAt > hours(awareAt, 24) && settings.isDoraLateClassificationRuleOn) {
      const { tag, ...due } = doraDue(hours(classifiedAt, 4));
      const rule = 'RTS 2025/301 Art. 5(2): classified major after the first 24 h from awareness → within 4 h of classification';
      clocks.push({ ...initial, stamp: 'classifiedMajorAt', from: classifiedAt, ...due, tag: weakest('U', tag), rule });
    } else {
      clocks.push({ ...initial, stamp: 'detectedAt', from: awareAt, ...doraDue(hours(awareAt, 24)) });
    }
    const initialAt = firstAt('dora.initial');
    clocks.push({ id: 'dora.intermediate', stamp: 'dora.initial.submittedAt', from: initialAt, undueDelay: false, ...(initialAt ? doraDue(hours(initialAt, 72)) : { dueAt: null }) });
    const latestIntermediateAt = submissionsOf('dora.intermediate').at(-1)?.submittedAt ?? null;
    const finalDue = latestIntermediateAt ? doraDue(local(latestIntermediateAt, { months: 1 })) : { dueAt: null };
    clocks.push({ id: 'dora.final', stamp: 'dora.intermediate.submittedAt', from: latestIntermediateAt, undueDelay: false, ...finalDue });
    undue('dora.clients', 'classifiedMajorAt', classifiedAt);
  }

  if (profile.isEprivacyProvider && stamps.isPersonalDataBreach) {
    timed('eprivacy.initial', 'detectedAt', stamps.detectedAt, (at) => hours(at, 24));
    const initial = submissionsOf('eprivacy.initial')[0];
    const initialDue = stamps.detectedAt ? hours(stamps.detectedAt, 24) : null;
    // Until the initial notice is filed, the second one counts from the initial deadline: the earliest it can fall.
    if (!initial?.isComplete) {
      const [stamp, from] = initial ? (['eprivacy.initial.submittedAt', initial.submittedAt] as const) : (['eprivacy.initial.dueAt', initialDue] as const);
      timed('eprivacy.second', stamp, from, (at) => local(at, { days: 3 }));
    }
  }

  if (profile.isFrOivOse) undue('fr.anssi', 'detectedAt', stamps.detectedAt);
  if (profile.isFrTelecomOperator) undue('fr.telecom', 'awareSignificantAt', stamps.awareSignificantAt);
  if (profile.isFrHealthEntity) undue('fr.health', 'awareSignificantAt', stamps.awareSignificantAt);

  return clocks
    .sort((a, b) => deadlineIds.indexOf(a.id) - deadlineIds.indexOf(b.id))
    .map((c) => {
      const processorNotifiedAt = c.id === 'gdpr.processor_to_controller' ? (stamps.processorNotifiedControllerAt ?? null) : null;
      return finish(c, firstAt(c.id) ?? processorNotifiedAt, now, settings.doraShiftHour);
    });
}

// Safe: every DeadlineId is spelled `${Regime}.${report}` in `deadlineIds`.
const regimeOf = (id: DeadlineId) => id.slice(0, id.indexOf('.')) as Regime;

function statusOf(c: Clock, submittedAt: Date | null, now: Date): DeadlineStatus {
  if (submittedAt) return c.dueAt && submittedAt > c.dueAt ? 'late' : 'met';
  if (!c.from) return 'waiting';
  return c.dueAt && now > c.dueAt ? 'overdue' : 'running';
}

const shiftNote = (hour: number) => `; on a weekend or holiday it moves to ${String(hour).padStart(2, '0')}:00 the next working day [S]`;

function finish(c: Clock, submittedAt: Date | null, now: Date, shiftHour: number): Deadline {
  const report = reports[c.id];
  const regime = regimeOf(c.id);
  const status = statusOf(c, submittedAt, now);
  // GDPR Art. 33(1) and RTS 2025/301 Art. 5(3) ask for the reasons of a delay, NIS2 reports are held to the same;
  // an overdue report will owe them too, so its form asks for them already.
  const requiresLateReason = (status === 'late' || status === 'overdue') && (regime === 'gdpr' || regime === 'nis2' || regime === 'dora');
  return {
    id: c.id,
    regime,
    reportName: report.reportName,
    recipient: report.recipient,
    dueAt: c.dueAt,
    undueDelay: c.undueDelay,
    startsFrom: { stamp: c.stamp, at: c.from },
    rule: (c.rule ?? report.rule) + (c.shiftedFrom ? shiftNote(shiftHour) : ''),
    tag: weakest(report.tag, c.tag),
    contentTag: report.contentTag,
    ...(c.shiftedFrom ? { shiftedFrom: c.shiftedFrom } : {}),
    status,
    ...(submittedAt ? { submittedAt } : {}),
    requiresLateReason,
    content: requiresLateReason ? [...report.content, lateReason] : report.content,
  };
}

/** The regulatory stamps an incident's own times bound, as a person sets them (snake_case, as the API names them). */
export interface StampOrderInput {
  occurred_at: Date | null;
  detected_at: Date | null;
  aware_at_gdpr: Date | null;
  processor_notified_controller_at: Date | null;
  aware_significant_at: Date | null;
  classified_major_at: Date | null;
  regular_activities_recovered_at: Date | null;
  handling_concluded_at: Date | null;
}

/**
 * The impossible orders among the core timestamps (regulatory.md §2.0): nobody becomes aware of an
 * incident, classifies it, recovers from it or concludes its handling before it occurred; a major
 * incident is classified after it is detected; a processor tells its controller after it becomes
 * aware; handling concludes after awareness of the significant incident.
 */
export function stampOrderIssues(stamps: StampOrderInput): Array<{ pointer: string; detail: string }> {
  const issues: Array<{ pointer: string; detail: string }> = [];
  const notBefore = (field: keyof StampOrderInput, bound: keyof StampOrderInput, why: string) => {
    const at = stamps[field];
    const from = stamps[bound];
    if (at && from && at < from) issues.push({ pointer: `/${field}`, detail: `is before ${bound} (${from.toISOString()}): ${why}` });
  };
  for (const field of ['aware_at_gdpr', 'processor_notified_controller_at', 'aware_significant_at', 'classified_major_at', 'regular_activities_recovered_at', 'handling_concluded_at'] as const) {
    notBefore(field, 'occurred_at', 'nothing about an incident happens before it occurred');
  }
  notBefore('classified_major_at', 'detected_at', 'an incident is classified after it is detected');
  notBefore('processor_notified_controller_at', 'aware_at_gdpr', 'a processor tells its controller after it becomes aware');
  notBefore('handling_concluded_at', 'aware_significant_at', 'the handling concludes after awareness of the incident');
  return issues;
}
