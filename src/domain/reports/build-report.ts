import { reportNames } from '../clocks/report-form.ts';
import type { DeadlineId } from '../clocks/regulatory.ts';
import type { Impact, IncidentStatus } from '../incident/lifecycle.ts';
import type { TimelineEvent, TimelineGap } from '../incident/timeline.ts';
import { formatCount, formatDate } from '../message/format.ts';
import { reportMoment } from './dates.ts';
import type { Block, ReportDocument } from './document.ts';
import type { ReportLessons } from './lessons.ts';
import {
  deliverySuccess, measureFirstMessage, measurePunctuality, sumDeliveries,
  type ChannelDeliveries, type FirstMessageMeasure, type PromiseInput, type Punctuality,
} from './measures.ts';
import { deliveryScene, timelineScene, type DeliveryCurve } from './plots.ts';
import { channelName, impactName, say, statusName, type ReportLanguage } from './texts.ts';

export type ReportVersion = 'internal' | 'public';

export interface LintFinding {
  message_id: string;
  stage: string;
  audience: string;
  language: string;
  channel: string;
  rule: string;
  severity: string;
  text: string;
}

export interface ReportInput {
  version: ReportVersion;
  language: ReportLanguage;
  timeZone: string;
  generatedAt: Date;
  workspaceName: string;
  incident: { id: string; name: string; impact: Impact; status: IncidentStatus; components: string[]; detectedAt: Date; openedAt: Date; resolvedAt: Date | null };
  firstMessageMinutes: number;
  /** Public updates, oldest first, with their public text in the report's language. */
  updates: Array<{ id: string; at: Date; status: IncidentStatus; text: string }>;
  /** The timeline's events (internal chronology) and silences. */
  events: TimelineEvent[];
  gaps: TimelineGap[];
  promises: PromiseInput[];
  /** Findings of the published messages' variants, and approvals that overrode findings. */
  findings: LintFinding[];
  overrides: Array<{ message_id: string; stage: string; by: string; at: Date; reason: string; rules: string[] }>;
  deliveries: { channels: ChannelDeliveries[]; curves: DeliveryCurve[] };
  /** Null when the reader may not see the legal clocks. */
  regulatory: {
    deadlines: Array<{ id: DeadlineId; dueAt: Date | null; status: string; submittedAt: Date | null }>;
    /** The breach was told to the public (a breach notice was published): the public report may say notifications were made. */
    isPublicSafe: boolean;
  } | null;
  compensation: { gestures: Array<{ title: string; state: string; detail: string }> };
  lessons: ReportLessons;
}

export interface ReportMeasures {
  first_message: FirstMessageMeasure;
  punctuality: Punctuality;
  deliveries: ReturnType<typeof sumDeliveries> & { channels: Array<ChannelDeliveries & { success_percent: number | null }> };
  regulatory: { due: number; met: number; late: number; overdue: number } | null;
}

export function measure(input: ReportInput): ReportMeasures {
  const firstPublic = input.updates[0]?.at ?? null;
  const deadlines = input.regulatory?.deadlines ?? null;
  return {
    first_message: measureFirstMessage(input.incident.detectedAt, firstPublic, input.firstMessageMinutes, input.generatedAt),
    punctuality: measurePunctuality(input.promises, input.updates.map((u) => u.at)),
    deliveries: { ...sumDeliveries(input.deliveries.channels), channels: input.deliveries.channels.map((c) => ({ ...c, success_percent: deliverySuccess(c) })) },
    regulatory: deadlines && {
      due: deadlines.length,
      met: deadlines.filter((d) => d.status === 'met').length,
      late: deadlines.filter((d) => d.status === 'late').length,
      overdue: deadlines.filter((d) => d.status === 'overdue').length,
    },
  };
}

/**
 * The post-crisis report as blocks. The public version is a projection: public updates, the
 * measures of what was said, the public promises and lessons; never the fact sheet, reviews,
 * findings, legal details or internal lessons.
 */
export function buildReportDocument(input: ReportInput, measures: ReportMeasures = measure(input)): ReportDocument {
  const l = input.language;
  const isInternal = input.version === 'internal';
  const at = (date: Date) => reportMoment(date, l, input.timeZone, input.incident.detectedAt);
  const minutes = (value: number | null) => (value === null ? '—' : say(l, 'minutes', { n: value }));
  const percent = (value: number | null) => (value === null ? '—' : `${formatCount(value, l)} %`);
  const blocks: Block[] = [];
  const heading = (key: string) => blocks.push({ type: 'heading', level: 2, text: say(l, key) });
  const title = say(l, isInternal ? 'title.internal' : 'title.public', { name: input.incident.name });

  blocks.push({ type: 'heading', level: 1, text: title });
  if (isInternal) blocks.push({ type: 'paragraph', text: say(l, 'internalNotice'), isNote: true });
  blocks.push({
    type: 'list',
    items: [
      `${say(l, 'meta.workspace')} ${input.workspaceName}`,
      `${say(l, 'meta.impact')} ${impactName(input.incident.impact, l)}`,
      ...(input.incident.components.length ? [`${say(l, 'meta.components')} ${input.incident.components.join(', ')}`] : []),
      `${say(l, 'meta.detected')} ${at(input.incident.detectedAt)}`,
      `${say(l, 'meta.resolved')} ${input.incident.resolvedAt ? at(input.incident.resolvedAt) : say(l, 'notResolved')}`,
      `${say(l, 'meta.generated')} ${at(input.generatedAt)} (${input.timeZone})`,
    ],
  });

  const { first_message: first, punctuality, deliveries } = measures;
  heading('section.summary');
  blocks.push({
    type: 'list',
    items: [
      say(l, first.minutes === null ? 'summary.noFirst' : first.met ? 'summary.firstMet' : 'summary.firstLate', { minutes: first.minutes ?? 0, deadline: first.deadline_minutes }),
      punctuality.percent === null ? say(l, 'summary.noPromise') : say(l, 'summary.punctuality', { percent: percent(punctuality.percent), on: punctuality.on_time, all: punctuality.on_time + punctuality.late }),
      deliveries.sent === 0 ? say(l, 'summary.noDelivery') : say(l, isInternal ? 'summary.deliveriesInternal' : 'summary.deliveriesPublic', { sent: formatCount(deliveries.sent, l), recipients: formatCount(deliveries.recipients, l), percent: percent(deliveries.success_percent) }),
      ...(isInternal && measures.regulatory && measures.regulatory.due > 0 ? [say(l, 'summary.regulatory', measures.regulatory)] : []),
    ],
  });

  heading('section.chronology');
  const end = input.incident.resolvedAt ?? input.generatedAt;
  blocks.push({
    type: 'figure',
    scene: timelineScene({
      language: l, timeZone: input.timeZone, detectedAt: input.incident.detectedAt, end,
      firstMessageDueAt: new Date(input.incident.detectedAt.getTime() + input.firstMessageMinutes * 60_000),
      updates: input.updates.map((u) => u.at), gaps: input.gaps, promised: punctuality.updates,
    }),
  });
  if (isInternal) {
    blocks.push({ type: 'table', head: [say(l, 'col.time'), say(l, 'col.event')], rows: input.events.map((e) => [at(new Date(e.at)), e.label[l]]) });
  } else {
    const rows: Array<[Date, string]> = [[input.incident.detectedAt, say(l, 'event.detected')]];
    for (const update of input.updates) rows.push([update.at, `${statusName(update.status, l)} — ${update.text}`]);
    if (input.incident.resolvedAt) rows.push([input.incident.resolvedAt, say(l, 'event.resolved')]);
    const ordered = rows.map((row, i) => ({ row, i })).sort((a, b) => a.row[0].getTime() - b.row[0].getTime() || a.i - b.i);
    blocks.push({ type: 'table', head: [say(l, 'col.time'), say(l, 'col.publicUpdate')], rows: ordered.map(({ row }) => [at(row[0]), row[1]]) });
  }
  blocks.push({ type: 'heading', level: 3, text: say(l, 'section.silences') });
  blocks.push(
    input.gaps.length === 0
      ? { type: 'paragraph', text: say(l, 'none') }
      : { type: 'table', head: [say(l, 'col.from'), say(l, 'col.to'), say(l, 'col.minutes'), say(l, 'col.late')], numeric: [false, false, true, false], rows: input.gaps.map((g) => [at(new Date(g.from)), g.ongoing ? say(l, 'ongoing') : at(new Date(g.to)), String(g.minutes), g.late ? say(l, 'yes') : say(l, 'no')]) },
  );

  heading('section.first');
  blocks.push({
    type: 'paragraph',
    text: first.first_public_at === null
      ? say(l, first.met === false ? 'first.noneLate' : 'first.none', { deadline: first.deadline_minutes })
      : say(l, first.met ? 'first.met' : 'first.late', { minutes: first.minutes ?? 0, deadline: first.deadline_minutes, at: at(new Date(first.first_public_at)) }),
  });

  heading('section.punctuality');
  if (punctuality.updates.length === 0) blocks.push({ type: 'paragraph', text: say(l, 'punctuality.none') });
  else {
    blocks.push({ type: 'paragraph', text: punctuality.percent === null ? say(l, 'punctuality.notDue') : say(l, 'punctuality.figure', { percent: percent(punctuality.percent), on: punctuality.on_time, all: punctuality.on_time + punctuality.late }) });
    blocks.push({
      type: 'table',
      head: [say(l, 'col.promisedAt'), say(l, 'col.due'), say(l, 'col.actual'), say(l, 'col.delay'), say(l, 'col.state')],
      numeric: [false, false, false, true, false],
      rows: punctuality.updates.map((p) => [at(new Date(p.made_at)), at(new Date(p.due_at)), p.actual_at ? at(new Date(p.actual_at)) : '—', p.delay_minutes === null ? '—' : minutes(p.delay_minutes), say(l, `promise.${p.state}`)]),
    });
  }

  if (isInternal) {
    heading('section.findings');
    if (input.findings.length === 0 && input.overrides.length === 0) blocks.push({ type: 'paragraph', text: say(l, 'findings.none') });
    if (input.findings.length > 0) {
      const contradictions = input.findings.filter((f) => f.rule === 'contradiction').length;
      blocks.push({ type: 'paragraph', text: say(l, 'findings.count', { n: input.findings.length, contradictions }) });
      blocks.push({
        type: 'table',
        head: [say(l, 'col.message'), say(l, 'col.variant'), say(l, 'col.rule'), say(l, 'col.severity'), say(l, 'col.finding')],
        rows: input.findings.map((f) => [f.stage, `${f.audience} · ${f.language} · ${channelName(f.channel, l)}`, f.rule, f.severity, f.text]),
      });
    }
    if (input.overrides.length > 0) {
      blocks.push({ type: 'heading', level: 3, text: say(l, 'section.overrides') });
      blocks.push({ type: 'table', head: [say(l, 'col.time'), say(l, 'col.message'), say(l, 'col.by'), say(l, 'col.rules'), say(l, 'col.reason')], rows: input.overrides.map((o) => [at(o.at), o.stage, o.by, o.rules.join(', ') || '—', o.reason]) });
    }
  }

  heading('section.deliveries');
  if (deliveries.channels.length === 0) blocks.push({ type: 'paragraph', text: say(l, 'deliveries.none') });
  else {
    const scene = deliveryScene(input.deliveries.curves, l, input.timeZone, (channel) => channelName(channel, l));
    if (scene) blocks.push({ type: 'figure', scene });
    const span = (c: ChannelDeliveries) => (c.first_sent_at && c.last_sent_at ? `${at(new Date(c.first_sent_at))} → ${at(new Date(c.last_sent_at))}` : '—');
    blocks.push(
      isInternal
        ? {
            type: 'table', numeric: [false, true, true, true, true, true, true, false],
            head: [say(l, 'col.channel'), say(l, 'col.recipients'), say(l, 'col.sent'), say(l, 'col.failed'), say(l, 'col.dead'), say(l, 'col.underWay'), say(l, 'col.success'), say(l, 'col.span')],
            rows: deliveries.channels.map((c) => [channelName(c.channel, l), formatCount(c.recipients, l), formatCount(c.sent, l), formatCount(c.failed, l), formatCount(c.dead, l), formatCount(c.under_way, l), percent(c.success_percent), span(c)]),
          }
        : { type: 'table', numeric: [false, true, false], head: [say(l, 'col.channel'), say(l, 'col.recipients'), say(l, 'col.span')], rows: deliveries.channels.map((c) => [channelName(c.channel, l), formatCount(c.recipients, l), span(c)]) },
    );
  }

  regulatorySection(input, blocks, at);

  heading('section.compensation');
  const compensation = input.promises.filter((p) => p.kind === 'compensation');
  if (compensation.length === 0 && input.compensation.gestures.length === 0) blocks.push({ type: 'paragraph', text: say(l, 'compensation.none') });
  if (compensation.length > 0) {
    blocks.push({ type: 'table', head: [say(l, 'col.promise'), say(l, 'col.due'), say(l, 'col.state')], rows: compensation.map((p) => [p.text, p.dueAt ? at(p.dueAt) : '—', say(l, `promise.${p.state}`)]) });
  }
  if (input.compensation.gestures.length > 0) {
    blocks.push({ type: 'table', head: [say(l, 'col.gesture'), say(l, 'col.detail'), say(l, 'col.state')], rows: input.compensation.gestures.map((g) => [g.title, g.detail, say(l, `gesture.${g.state}`)]) });
  }

  heading('section.lessons');
  const lessons = input.lessons.lessons.filter((lesson) => isInternal || lesson.public);
  const actions = input.lessons.actions.filter((action) => isInternal || action.public);
  if (lessons.length === 0 && actions.length === 0) blocks.push({ type: 'paragraph', text: say(l, isInternal ? 'lessons.noneInternal' : 'lessons.none') });
  if (lessons.length > 0) blocks.push({ type: 'list', items: lessons.map((lesson) => (isInternal && !lesson.public ? `${lesson.text} ${say(l, 'internalOnly')}` : lesson.text)) });
  if (actions.length > 0) {
    blocks.push({ type: 'heading', level: 3, text: say(l, 'section.actions') });
    blocks.push({
      type: 'table',
      head: [say(l, 'col.action'), ...(isInternal ? [say(l, 'col.owner')] : []), say(l, 'col.dueOn'), say(l, 'col.state')],
      rows: actions.map((a) => [a.text, ...(isInternal ? [a.owner ?? '—'] : []), a.due_on ? formatDate(new Date(`${a.due_on}T12:00:00Z`), l, 'UTC', new Date(0)) : '—', say(l, a.done ? 'action.done' : 'action.open')]),
    });
  }
  return { title, language: l, blocks };
}

function regulatorySection(input: ReportInput, blocks: Block[], at: (date: Date) => string) {
  const l = input.language;
  const regulatory = input.regulatory;
  if (!regulatory || regulatory.deadlines.length === 0) return;
  if (input.version === 'public') {
    // Only what is safe to say: that notifications were made, once the breach itself was made public.
    const filed = regulatory.deadlines.filter((d) => d.submittedAt !== null).length;
    if (!regulatory.isPublicSafe || filed === 0) return;
    blocks.push({ type: 'heading', level: 2, text: say(l, 'section.regulatory') });
    blocks.push({ type: 'paragraph', text: say(l, 'regulatory.public', { n: filed }) });
    return;
  }
  blocks.push({ type: 'heading', level: 2, text: say(l, 'section.regulatory') });
  blocks.push({
    type: 'table',
    head: [say(l, 'col.report'), say(l, 'col.recipient'), say(l, 'col.due'), say(l, 'col.filed'), say(l, 'col.state')],
    rows: regulatory.deadlines.map((d) => {
      const names = reportNames(d.id);
      return [names.name[l], names.recipient[l], d.dueAt ? at(d.dueAt) : say(l, 'undueDelay'), d.submittedAt ? at(d.submittedAt) : '—', say(l, `deadline.${d.status}`)];
    }),
  });
}
