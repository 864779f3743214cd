import { DateTime } from 'luxon';
import { formatList } from '../message/format.ts';
import type { AutomaticStatus, MaintenanceStatus } from './lifecycle.ts';

export type Language = 'fr' | 'en';

/** The update the schedule writes when it moves a maintenance on, in the workspace's language. */
export function automaticUpdateBody(status: AutomaticStatus, language: Language): string {
  switch (status) {
    case 'in_progress':
      return language === 'fr' ? 'La maintenance programmée a commencé.' : 'The scheduled maintenance has started.';
    case 'completed':
      return language === 'fr' ? 'La maintenance programmée est terminée.' : 'The scheduled maintenance is complete.';
  }
}

// Notices to subscribers before a maintenance starts (#7). Pure: the sweep and the sender pass `now`.

const hourMs = 3_600_000;

/** Hours before the start that subscribers are told when a workspace sets nothing. */
export const defaultNoticeHours: readonly number[] = Object.freeze([24, 1]);

/**
 * The notice a maintenance starting at `scheduledFor` is due at `now`, as its offset in hours, or
 * null. Only the nearest offset reached counts, never an earlier one: the 1 h notice replaces the
 * 24 h one. A notice reached late (the maintenance was scheduled inside its offset) still goes while
 * the time left is nearer its offset than the next one's on a ratio scale, else the next one waits:
 * with 24 h and 1 h, scheduled 20 h ahead it goes at once, 3 h ahead only the 1 h notice goes.
 */
export function dueNoticeHours(offsetsHours: readonly number[], scheduledFor: Date, now: Date): number | null {
  const leftMs = scheduledFor.getTime() - now.getTime();
  if (leftMs <= 0) return null;
  const reached = offsetsHours.filter((hours) => leftMs <= hours * hourMs);
  if (reached.length === 0) return null;
  const nearest = Math.min(...reached);
  const next = Math.max(0, ...offsetsHours.filter((hours) => hours < nearest));
  if (next > 0 && leftMs <= Math.sqrt(nearest * next) * hourMs) return null;
  return nearest;
}

/** The last notice queued for a maintenance: the start it announced and its offset (none: nulls). */
export interface LastNotice {
  scheduledFor: Date | null;
  hours: number | null;
}

/**
 * The notice to queue now, or null: the due one, unless one as near was already queued for this
 * start. A new start (rescheduled) owes its notices afresh; a cancelled or started maintenance is
 * not asked about.
 */
export function owedNoticeHours(input: { offsetsHours: readonly number[]; scheduledFor: Date; last: LastNotice; now: Date }): number | null {
  const hours = dueNoticeHours(input.offsetsHours, input.scheduledFor, input.now);
  if (hours === null) return null;
  const { last } = input;
  const isSameStart = last.scheduledFor !== null && last.scheduledFor.getTime() === input.scheduledFor.getTime();
  return isSameStart && last.hours !== null && last.hours <= hours ? null : hours;
}

/**
 * Why a queued notice must not go at `now`, or null to send it: the maintenance started or was
 * called off, its start moved (the new one has notices of its own), a nearer notice replaced this
 * one (a retry that outlived its offset), or its start has passed.
 */
export function staleNoticeReason(
  maintenance: { status: MaintenanceStatus; scheduledFor: Date; noticeFor: Date | null; noticeHours: number | null },
  notice: { scheduledFor: Date; hours: number },
  now: Date,
): string | null {
  if (maintenance.status !== 'scheduled') return 'The maintenance started or was called off before the notice went.';
  if (maintenance.scheduledFor.getTime() !== notice.scheduledFor.getTime()) return 'The maintenance was moved; its new start has notices of its own.';
  if (maintenance.noticeFor?.getTime() === notice.scheduledFor.getTime() && maintenance.noticeHours !== null && maintenance.noticeHours < notice.hours) {
    return `The ${maintenance.noticeHours} h notice replaced this one.`;
  }
  if (maintenance.scheduledFor <= now) return 'The maintenance was due to start before the notice went.';
  return null;
}

/** What a notice delivery's key starts with; channel and address follow. One notice per start and offset. */
export function noticeKeyPrefix(maintenanceId: string, scheduledFor: Date, hours: number): string {
  return `mn:${maintenanceId}:${scheduledFor.getTime()}:${hours}:`;
}

/** The maintenance, start and offset a notice delivery's key names, or null for another key. */
export function parseNoticeKey(key: string): { maintenanceId: string; scheduledFor: Date; hours: number } | null {
  const match = /^mn:([^:]+):(\d+):(\d+):/.exec(key);
  return match ? { maintenanceId: match[1]!, scheduledFor: new Date(Number(match[2])), hours: Number(match[3]) } : null;
}

/** What a notice is written from, read when it is sent. */
export interface NoticeSource {
  name: string;
  scheduledFor: Date;
  scheduledUntil: Date;
  /** The names of the components it covers, in page order; none: every service. */
  components: readonly string[];
  /** The text (Markdown) of its latest update, if any. */
  latestUpdate: string | null;
}

/** A notice's words in one language; compose.ts lays them out for e-mail, SMS and webhooks. */
export interface NoticeText {
  subject: string;
  /** One sentence: what, and when it starts. */
  intro: string;
  /** Label and value: start, end, services concerned. */
  facts: Array<[label: string, value: string]>;
  latestUpdateLabel: string;
  /** The subject and the services, for a text message. */
  short: string;
}

const noticeWords = {
  en: {
    subject: (name: string, when: string) => `Scheduled maintenance: ${name} — ${when}`,
    startsIn: (count: number, unit: 'minute' | 'hour') => `starts in ${count} ${unit}${count === 1 ? '' : 's'}`,
    intro: (name: string, when: string, isRelative: boolean) => `The planned maintenance “${name}” on services you follow ${isRelative ? when : `is planned for ${when}`}.`,
    today: 'today',
    tomorrow: 'tomorrow',
    date: 'd LLLL',
    start: 'Starts',
    end: 'Ends',
    services: 'Services concerned',
    allServices: 'All services',
    latestUpdate: 'Latest update',
  },
  fr: {
    subject: (name: string, when: string) => `Maintenance prévue : ${name} — ${when}`,
    startsIn: (count: number, unit: 'minute' | 'hour') => `commence dans ${count} ${unit === 'hour' ? 'heure' : 'minute'}${count === 1 ? '' : 's'}`,
    intro: (name: string, when: string, isRelative: boolean) => `La maintenance prévue « ${name} » sur des services que vous suivez ${isRelative ? when : `est prévue ${when}`}.`,
    today: 'aujourd’hui',
    tomorrow: 'demain',
    date: "'le' d LLLL",
    start: 'Début',
    end: 'Fin',
    services: 'Services concernés',
    allServices: 'Tous les services',
    latestUpdate: 'Dernière information',
  },
} as const;

/** Below this, a notice says how long is left ("starts in 1 hour"); from it, the day and the window. */
const relativeUnderMinutes = 330;

/**
 * A notice's words at `now`, times in the workspace's zone: "Scheduled maintenance: Core switch —
 * starts in 1 hour", "Maintenance prévue : Core switch — demain 02:00–04:00".
 */
export function noticeText(source: NoticeSource, language: Language, timeZone: string, now: Date): NoticeText {
  const w = noticeWords[language];
  const at = (date: Date) => DateTime.fromJSDate(date, { zone: timeZone }).setLocale(language);
  const start = at(source.scheduledFor);
  const end = at(source.scheduledUntil);
  const today = at(now);
  const minutesLeft = Math.round(start.diff(today).as('minutes'));
  const isRelative = minutesLeft < relativeUnderMinutes;
  const when = isRelative ? startsIn(minutesLeft, language) : windowPhrase(start, end, today, language);
  const isSameDay = start.hasSame(end, 'day');
  const full = "cccc d LLLL yyyy, HH:mm";
  const services = source.components.length > 0 ? formatList(source.components, language) : w.allServices;
  const subject = w.subject(source.name, when);
  return {
    subject,
    intro: w.intro(source.name, when, isRelative),
    facts: [
      [w.start, `${start.toFormat(full)} (${timeZone})`],
      [w.end, end.toFormat(isSameDay ? 'HH:mm' : full)],
      [w.services, services],
    ],
    latestUpdateLabel: w.latestUpdate,
    short: `${subject}. ${w.services}${language === 'fr' ? ' ' : ''}: ${services}.`,
  };
}

function startsIn(minutesLeft: number, language: Language): string {
  const { startsIn } = noticeWords[language];
  return minutesLeft < 55 ? startsIn(Math.max(1, minutesLeft), 'minute') : startsIn(Math.round(minutesLeft / 60), 'hour');
}

/** "tomorrow 02:00–04:00", "jeudi 22:00 – vendredi 02:00", "le 12 juin 02:00–04:00". */
function windowPhrase(start: DateTime, end: DateTime, today: DateTime, language: Language): string {
  const from = `${dayPhrase(start, today, language)} ${start.toFormat('HH:mm')}`;
  return start.hasSame(end, 'day') ? `${from}–${end.toFormat('HH:mm')}` : `${from} – ${dayPhrase(end, today, language)} ${end.toFormat('HH:mm')}`;
}

function dayPhrase(day: DateTime, today: DateTime, language: Language): string {
  const w = noticeWords[language];
  // Calendar days in the zone: a day across a DST change is 23 or 25 hours long.
  const days = Math.round(day.startOf('day').diff(today.startOf('day'), 'days').days);
  if (days === 0) return w.today;
  if (days === 1) return w.tomorrow;
  if (days > 1 && days < 7) return day.toFormat('cccc');
  return day.toFormat(day.hasSame(today, 'year') ? w.date : `${w.date} yyyy`);
}
