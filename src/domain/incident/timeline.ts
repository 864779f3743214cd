import type { DeadlineId } from '../clocks/regulatory.ts';
import { reportNames } from '../clocks/report-form.ts';
import { formatMoment } from '../message/format.ts';
import type { Channel, Stage } from '../message/stages.ts';
import { isOpen, type IncidentStatus } from './lifecycle.ts';

/**
 * An incident as dated events, oldest first, for the console's timeline plot and the post-crisis
 * report: what was known, said and promised, and the legal deadlines, against the silences
 * between public updates (doctrine §1: a first message within the hour, then each promise kept).
 */

export const timelineKinds = [
  'occurred', 'detected', 'opened', 'fact_known', 'fact_confirmed', 'rumor', 'first_public', 'update', 'message_published',
  'promise_kept', 'promise_broken', 'promise_postponed', 'promise', 'regulatory', 'resolved',
] as const;
export type TimelineKind = (typeof timelineKinds)[number];
export const timelineLanes = ['known', 'said', 'promised', 'regulatory'] as const;
export type TimelineLane = (typeof timelineLanes)[number];
export type PromiseState = 'pending' | 'kept' | 'broken' | 'dropped' | 'postponed';
type Bilingual = { fr: string; en: string };
type Language = keyof Bilingual;

export interface TimelineInput {
  incident: { id: string; occurredAt: Date | null; detectedAt: Date | null; openedAt: Date; resolvedAt: Date | null; status: IncidentStatus };
  /** Public updates, each at the time it was published. */
  updates: Array<{ id: string; status: IncidentStatus; at: Date; messageId: string | null }>;
  messages: Array<{ id: string; stage: Stage; publishedAt: Date; audiences: Array<{ id: string; name: Bilingual }>; channels: Channel[] }>;
  /** Known facts (with when a hypothesis was confirmed) and rumors. */
  facts: Array<{ id: string; kind: 'known' | 'rumor'; text: string; notedAt: Date; confirmedAt: Date | null; state: string | null }>;
  /** `state` as read now: a pending promise past due is broken. `settledAt`: when its state was set. */
  promises: Array<{ id: string; kind: string; text: string; madeAt: Date; dueAt: Date | null; state: PromiseState; settledAt: Date | null }>;
  /** Null when the reader may not see the legal clocks. */
  regulatory: { deadlines: Array<{ id: DeadlineId; dueAt: Date | null; status: string }>; filings: Array<{ id: string; deadlineId: DeadlineId; at: Date }> } | null;
  /** Minutes from detection to the first public message (the communication settings). */
  firstMessageMinutes: number;
  timeZone: string;
  now: Date;
}

export interface TimelineEvent {
  at: string;
  kind: TimelineKind;
  lane: TimelineLane;
  label: Bilingual;
  ref: { type: 'incident' | 'update' | 'message' | 'fact_entry' | 'deadline' | 'submission'; id: string };
  status?: IncidentStatus;
  audiences?: string[];
  channels?: string[];
  due_at?: string | null;
  state?: string;
}

export interface TimelineGap {
  from: string;
  to: string;
  minutes: number;
  /** A promised time (or the first-message deadline) fell inside the silence. */
  late: boolean;
  /** Still running: `to` is now. */
  ongoing: boolean;
}

const minute = 60_000;
const iso = (at: Date) => at.toISOString();
const both = (make: (language: Language) => string): Bilingual => ({ fr: make('fr'), en: make('en') });
const clip = (text: string) => (text.length > 140 ? `${text.slice(0, 139).trimEnd()}…` : text);

const statusNames: Record<IncidentStatus, Bilingual> = {
  investigating: { fr: 'recherche en cours', en: 'investigating' },
  identified: { fr: 'cause identifiée', en: 'identified' },
  monitoring: { fr: 'sous surveillance', en: 'monitoring' },
  resolved: { fr: 'résolu', en: 'resolved' },
  postmortem: { fr: 'analyse après incident', en: 'postmortem' },
};
const stageNames: Record<Stage, Bilingual> = {
  first: { fr: 'premier message', en: 'first message' },
  update: { fr: 'point d’étape', en: 'update' },
  identified: { fr: 'cause identifiée', en: 'cause identified' },
  monitoring: { fr: 'sous surveillance', en: 'monitoring' },
  resolved: { fr: 'rétablissement', en: 'resolved' },
  closing: { fr: 'clôture', en: 'closing' },
  breach_notice: { fr: 'notification de violation', en: 'breach notice' },
  compensation: { fr: 'geste commercial', en: 'compensation' },
  rumor_correction: { fr: 'correction de rumeur', en: 'rumor correction' },
  maintenance_notice: { fr: 'avis de maintenance', en: 'maintenance notice' },
};
const channelNames: Record<Channel, Bilingual> = {
  status_page: { fr: 'page de statut', en: 'status page' },
  email: { fr: 'e-mail', en: 'e-mail' },
  sms: { fr: 'SMS', en: 'SMS' },
  chat: { fr: 'messagerie', en: 'chat' },
  social: { fr: 'réseaux sociaux', en: 'social media' },
  support_script: { fr: 'script du support', en: 'support script' },
  press: { fr: 'presse', en: 'press' },
};
type SettledKind = 'promise_kept' | 'promise_broken' | 'promise_postponed';
const settledWords: Record<SettledKind, Bilingual> = {
  promise_kept: { fr: 'Promesse tenue', en: 'Promise kept' },
  promise_broken: { fr: 'Promesse non tenue', en: 'Promise broken' },
  promise_postponed: { fr: 'Promesse reportée', en: 'Promise postponed' },
};

/** Orders events oldest first; at the same instant, in the order of `timelineKinds` (cause before effect). */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  return a.at.localeCompare(b.at) || timelineKinds.indexOf(a.kind) - timelineKinds.indexOf(b.kind) || a.ref.id.localeCompare(b.ref.id);
}

type Draft = Omit<TimelineEvent, 'at'> & { at: Date };

export function buildTimeline(input: TimelineInput) {
  const { incident, now } = input;
  const updates = [...input.updates].sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id));
  const firstPublic = updates[0] ?? null;
  const drafts = [...incidentEvents(input, firstPublic), ...saidEvents(input, updates), ...knownEvents(input), ...promiseEvents(input), ...regulatoryEvents(input)];
  return {
    incident: {
      occurred_at: incident.occurredAt && iso(incident.occurredAt),
      detected_at: incident.detectedAt && iso(incident.detectedAt),
      opened_at: iso(incident.openedAt),
      public_at: firstPublic && iso(firstPublic.at),
      resolved_at: incident.resolvedAt && iso(incident.resolvedAt),
    },
    events: drafts.map((draft) => ({ ...draft, at: iso(draft.at) })).sort(compareEvents),
    gaps: silences(input, incident.detectedAt ?? incident.openedAt, updates),
    promises: [...input.promises].sort((a, b) => a.madeAt.getTime() - b.madeAt.getTime() || a.id.localeCompare(b.id)).map((p) => ({
      id: p.id, promise_kind: p.kind, text: p.text, made_at: iso(p.madeAt), due_at: p.dueAt && iso(p.dueAt),
      kept_at: p.state === 'kept' && p.settledAt ? iso(p.settledAt) : null, state: p.state,
    })),
    now: iso(now),
  };
}

function incidentEvents({ incident }: TimelineInput, firstPublic: TimelineInput['updates'][number] | null): Draft[] {
  const ref = { type: 'incident' as const, id: incident.id };
  const drafts: Draft[] = [];
  if (incident.occurredAt) drafts.push({ at: incident.occurredAt, kind: 'occurred', lane: 'known', label: { fr: 'Début de l’incident', en: 'Incident began' }, ref });
  if (incident.detectedAt) drafts.push({ at: incident.detectedAt, kind: 'detected', lane: 'known', label: { fr: 'Détection', en: 'Detected' }, ref });
  drafts.push({ at: incident.openedAt, kind: 'opened', lane: 'known', label: { fr: 'Incident déclaré', en: 'Incident declared' }, ref });
  if (firstPublic) {
    const after = Math.round((firstPublic.at.getTime() - (incident.detectedAt ?? incident.openedAt).getTime()) / minute);
    drafts.push({
      at: firstPublic.at, kind: 'first_public', lane: 'said', ref: { type: 'update', id: firstPublic.id },
      label: { fr: `Première communication publique, ${after} min après la détection`, en: `First public message, ${after} min after detection` },
    });
  }
  if (incident.resolvedAt) drafts.push({ at: incident.resolvedAt, kind: 'resolved', lane: 'known', label: { fr: 'Incident résolu', en: 'Incident resolved' }, ref });
  return drafts;
}

function saidEvents(input: TimelineInput, updates: TimelineInput['updates']): Draft[] {
  const drafts: Draft[] = updates.map((update) => {
    const status = statusNames[update.status];
    return { at: update.at, kind: 'update', lane: 'said', status: update.status, ref: { type: 'update', id: update.id }, label: { fr: `Mise à jour publique : ${status.fr}`, en: `Public update: ${status.en}` } };
  });
  for (const message of input.messages) {
    const parts = both((l) => `${message.audiences.map((a) => a.name[l]).join(', ')} — ${message.channels.map((c) => channelNames[c][l]).join(', ')}`);
    const stage = stageNames[message.stage];
    drafts.push({
      at: message.publishedAt, kind: 'message_published', lane: 'said', audiences: message.audiences.map((a) => a.id), channels: message.channels, ref: { type: 'message', id: message.id },
      label: { fr: `Message publié (${stage.fr}) : ${parts.fr}`, en: `Message published (${stage.en}): ${parts.en}` },
    });
  }
  return drafts;
}

function knownEvents(input: TimelineInput): Draft[] {
  return input.facts.map((fact): Draft => {
    const ref = { type: 'fact_entry' as const, id: fact.id };
    const text = clip(fact.text);
    if (fact.kind === 'rumor') return { at: fact.notedAt, kind: 'rumor', lane: 'known', state: fact.state ?? 'open', ref, label: { fr: `Rumeur : ${text}`, en: `Rumor: ${text}` } };
    if (fact.confirmedAt) return { at: fact.confirmedAt, kind: 'fact_confirmed', lane: 'known', ref, label: { fr: `Hypothèse confirmée : ${text}`, en: `Hypothesis confirmed: ${text}` } };
    return { at: fact.notedAt, kind: 'fact_known', lane: 'known', ref, label: { fr: `Fait établi : ${text}`, en: `Fact established: ${text}` } };
  });
}

function promiseEvents({ promises, timeZone, now }: TimelineInput): Draft[] {
  return promises.flatMap((promise) => {
    const ref = { type: 'fact_entry' as const, id: promise.id };
    const dueAt = promise.dueAt;
    const what = both((l) => (promise.kind === 'next_update' && dueAt ? `${l === 'fr' ? 'prochain point à' : 'next update at'} ${formatMoment(dueAt, l, timeZone, now)}` : clip(promise.text)));
    const common = { lane: 'promised' as const, due_at: dueAt && iso(dueAt), state: promise.state, ref };
    const drafts: Draft[] = [{ ...common, at: promise.madeAt, kind: 'promise', label: { fr: `Promis : ${what.fr}`, en: `Promised: ${what.en}` } }];
    const settled = settledEvent(promise);
    if (settled) {
      const words = settledWords[settled.kind];
      drafts.push({ ...common, at: settled.at, kind: settled.kind, label: { fr: `${words.fr} : ${what.fr}`, en: `${words.en}: ${what.en}` } });
    }
    return drafts;
  });
}

function regulatoryEvents({ regulatory }: TimelineInput): Draft[] {
  if (!regulatory) return [];
  const deadlines = regulatory.deadlines.flatMap((deadline): Draft[] => {
    if (!deadline.dueAt) return [];
    const { name, recipient } = reportNames(deadline.id);
    return [{
      at: deadline.dueAt, kind: 'regulatory', lane: 'regulatory', state: deadline.status, due_at: iso(deadline.dueAt), ref: { type: 'deadline', id: deadline.id },
      label: { fr: `Échéance : ${name.fr} (${recipient.fr})`, en: `Deadline: ${name.en} (${recipient.en})` },
    }];
  });
  const filings = regulatory.filings.map((filing): Draft => {
    const { name } = reportNames(filing.deadlineId);
    return { at: filing.at, kind: 'regulatory', lane: 'regulatory', state: 'filed', ref: { type: 'submission', id: filing.id }, label: { fr: `Déposé : ${name.fr}`, en: `Filed: ${name.en}` } };
  });
  return [...deadlines, ...filings];
}
export type Timeline = ReturnType<typeof buildTimeline>;

/** When a promise was settled: kept or postponed when it was set; broken when it fell due. */
function settledEvent(promise: TimelineInput['promises'][number]): { at: Date; kind: SettledKind } | null {
  switch (promise.state) {
    case 'kept':
      return promise.settledAt && { at: promise.settledAt, kind: 'promise_kept' };
    case 'postponed':
      return promise.settledAt && { at: promise.settledAt, kind: 'promise_postponed' };
    case 'broken': {
      const at = promise.dueAt ?? promise.settledAt;
      return at && { at, kind: 'promise_broken' };
    }
    case 'pending':
    case 'dropped':
      return null;
  }
}

/**
 * The silences the public lived through: detection to the first public message, then between
 * public updates while the incident was open, and the current one while it still is.
 */
function silences(input: TimelineInput, detectedAt: Date, updates: TimelineInput['updates']): TimelineGap[] {
  const { now } = input;
  // A promise moved in public (postponed) or dropped no longer binds: its old time does not make a silence late.
  const binding = input.promises.filter((p) => p.kind === 'next_update' && p.dueAt && p.state !== 'dropped' && p.state !== 'postponed');
  const nextUpdateDues = binding.map((p) => p.dueAt!.getTime());
  const promiseFellDue = (from: Date, to: Date) => nextUpdateDues.some((due) => due > from.getTime() && due < to.getTime());
  const gap = (from: Date, to: Date, late: boolean, ongoing: boolean): TimelineGap => ({ from: iso(from), to: iso(to), minutes: Math.round((to.getTime() - from.getTime()) / minute), late, ongoing });
  const firstDue = detectedAt.getTime() + input.firstMessageMinutes * minute;
  const gaps: TimelineGap[] = [];
  const first = updates[0];
  if (first) gaps.push(gap(detectedAt, first.at, first.at.getTime() > firstDue, false));
  else if (isOpen(input.incident.status) && now > detectedAt) gaps.push(gap(detectedAt, now, now.getTime() > firstDue, true));
  updates.forEach((update, i) => {
    if (!isOpen(update.status)) return;
    const next = updates[i + 1];
    if (next) gaps.push(gap(update.at, next.at, promiseFellDue(update.at, next.at), false));
    else if (isOpen(input.incident.status) && now > update.at) gaps.push(gap(update.at, now, promiseFellDue(update.at, now), true));
  });
  return gaps;
}
