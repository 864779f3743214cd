import { DateTime } from 'luxon';
import { componentStatuses, severityOf, type ComponentStatus } from '../domain/component/status.ts';
import type { PublicComponent, PublicGroup, PublicSnapshot } from './snapshot.ts';

/** How many calendar days the bars show, today included. */
export const uptimeWindowDays = 90;

/*
 * Uptime counts as Statuspage counts it: a major outage is fully down, a partial outage 30 % down,
 * degraded performance is up (slow is not down), and time under maintenance is left out of the
 * total, so planned work neither lowers nor raises the figure.
 */
export const majorOutageDowntimeShare = 1;
export const partialOutageDowntimeShare = 0.3;
export const degradedPerformanceDowntimeShare = 0;

export type StatusMinutes = Record<ComponentStatus, number>;

export interface UptimeDay {
  /** The calendar date in the page's time zone, 'YYYY-MM-DD'. */
  date: string;
  /** Local midnight to local midnight: 23 or 25 hours on a daylight-saving day. */
  start: Date;
  end: Date;
  /** The worst status the day saw, or null for "no data" (the component did not exist yet). */
  worst: ComponentStatus | null;
  /** Minutes spent in each status, up to `generatedAt` for today. */
  minutes: StatusMinutes;
}

export interface Uptime {
  /** Oldest first; `uptimeWindowDays` of them, the last one being today. */
  days: UptimeDay[];
  /** `days` but today: the same array from build to build while the component's changes and the window stay the same. */
  settledDays: UptimeDay[];
  /** Over the whole window, maintenance excluded; null when nothing counts (no data, or only maintenance). */
  percent: number | null;
}

export interface UptimeReport {
  components: Map<string, Uptime>;
  /** A group counts its members' minutes together: its percent weighs each member by its time. */
  groups: Map<string, Uptime>;
}

export type UptimeInput = Pick<PublicSnapshot, 'generatedAt' | 'history'> & {
  timeZone: string;
  components: Pick<PublicComponent, 'id'>[];
  groups: Pick<PublicGroup, 'id' | 'componentIds'>[];
};

const minuteMs = 60_000;

function noMinutes(): StatusMinutes {
  return { operational: 0, degraded_performance: 0, partial_outage: 0, major_outage: 0, under_maintenance: 0 };
}

interface Day {
  date: string;
  startMs: number;
  endMs: number;
}

/** The window's local days, oldest first; luxon moves by calendar days, so DST days keep their length. */
/** The last window computed per zone: every publish of the day asks for the same 90 days. */
const windows = new Map<string, { today: string; days: Day[] }>();

function windowDays(generatedAt: Date, timeZone: string): Day[] {
  const now = DateTime.fromJSDate(generatedAt, { zone: timeZone });
  if (!now.isValid) throw new Error(`Unknown time zone "${timeZone}" for the uptime window.`);
  const today = now.startOf('day');
  const known = windows.get(timeZone);
  if (known?.today === today.toISODate()) return known.days;
  const days: Day[] = [];
  for (let back = uptimeWindowDays - 1; back >= 0; back--) {
    const start = today.minus({ days: back });
    days.push({ date: start.toISODate()!, startMs: start.toMillis(), endMs: start.plus({ days: 1 }).toMillis() });
  }
  windows.set(timeZone, { today: today.toISODate()!, days });
  return days;
}

interface Segment {
  status: ComponentStatus;
  fromMs: number;
  toMs: number;
}

/**
 * A component's statuses as back-to-back segments, from its first change to `untilMs`. Changes at
 * the same instant are ordered by severity, so the worst one holds whatever order they came in.
 */
function segmentsOf(changes: { status: ComponentStatus; changedAt: Date }[], untilMs: number): Segment[] {
  const sorted = [...changes].sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime() || severityOf(a.status) - severityOf(b.status));
  const segments: Segment[] = [];
  sorted.forEach((change, index) => {
    const fromMs = change.changedAt.getTime();
    const toMs = Math.min(sorted[index + 1]?.changedAt.getTime() ?? untilMs, untilMs);
    if (toMs > fromMs) segments.push({ status: change.status, fromMs, toMs });
  });
  return segments;
}

function worstOf(minutes: StatusMinutes): ComponentStatus | null {
  let worst: ComponentStatus | null = null;
  for (const status of componentStatuses) {
    if (minutes[status] > 0 && (worst === null || severityOf(status) > severityOf(worst))) worst = status;
  }
  return worst;
}

/** Uptime from minutes per status, with the named shares above; null when no minute counts. */
export function uptimePercent(minutes: StatusMinutes): number | null {
  const counted = minutes.operational + minutes.degraded_performance + minutes.partial_outage + minutes.major_outage;
  if (counted <= 0) return null;
  const down =
    minutes.major_outage * majorOutageDowntimeShare +
    minutes.partial_outage * partialOutageDowntimeShare +
    minutes.degraded_performance * degradedPerformanceDowntimeShare;
  return (100 * (counted - down)) / counted;
}

/** Uptime over some of the days (e.g. the last 30 a phone shows), with the same weights. */
export function uptimeOver(days: UptimeDay[]): number | null {
  const total = noMinutes();
  for (const day of days) addMinutes(total, day.minutes);
  return uptimePercent(total);
}

/** The settled days' minutes summed per count of last days, kept with them: a publish adds today's. */
const recentTotals = new WeakMap<UptimeDay[], Map<number, StatusMinutes>>();

/** `uptimeOver` the last `count` days, today included, summing the settled ones once (the same order, so the same figure). */
export function uptimeOverLast(uptime: Uptime, count: number): number | null {
  let totals = recentTotals.get(uptime.settledDays);
  if (!totals) recentTotals.set(uptime.settledDays, (totals = new Map()));
  let settled = totals.get(count);
  if (!settled) {
    settled = noMinutes();
    for (const day of uptime.settledDays.slice(Math.max(0, uptime.settledDays.length - (count - 1)))) addMinutes(settled, day.minutes);
    totals.set(count, settled);
  }
  const total = { ...settled };
  addMinutes(total, uptime.days.at(-1)!.minutes);
  return uptimePercent(total);
}

function addMinutes(into: StatusMinutes, from: StatusMinutes): void {
  for (const status of componentStatuses) into[status] += from[status];
}

function dayOf(day: Day, minutes: StatusMinutes): UptimeDay {
  return { date: day.date, start: new Date(day.startMs), end: new Date(day.endMs), worst: worstOf(minutes), minutes };
}

function minutesOn(segments: Segment[], day: Day, from = 0): StatusMinutes {
  const minutes = noMinutes();
  for (let i = from; i < segments.length && segments[i]!.fromMs < day.endMs; i++) {
    const segment = segments[i]!;
    const overlapMs = Math.min(segment.toMs, day.endMs) - Math.max(segment.fromMs, day.startMs);
    if (overlapMs > 0) minutes[segment.status] += overlapMs / minuteMs;
  }
  return minutes;
}

/** The days before today, settled: with `total`, their minutes summed oldest first. */
interface Settled {
  days: UptimeDay[];
  total: StatusMinutes;
}

function settledDays(segments: Segment[], days: Day[]): Settled {
  const total = noMinutes();
  let next = 0;
  const result = days.map((day): UptimeDay => {
    while (next < segments.length && segments[next]!.toMs <= day.startMs) next++;
    const minutes = minutesOn(segments, day, next);
    addMinutes(total, minutes);
    return dayOf(day, minutes);
  });
  return { days: result, total };
}

/** Today joins the settled days last, so the sums run in the same order as day by day. */
function withToday(settled: Settled, today: UptimeDay): Uptime {
  const total = { ...settled.total };
  addMinutes(total, today.minutes);
  return { days: [...settled.days, today], settledDays: settled.days, percent: uptimePercent(total) };
}

/**
 * Days before today depend only on the component's changes and the window, not on `generatedAt`
 * (its last segment runs past them either way): kept per component while those stay the same, so
 * a publish recomputes today alone and the renderers see the same day objects.
 */
const settledByComponent = new Map<string, { key: string; settled: Settled }>();
const settledByGroup = new Map<string, { zoneKey: string; members: Settled[]; settled: Settled }>();

interface Parts {
  settled: Settled;
  today: UptimeDay;
}

function componentParts(id: string, changes: { status: ComponentStatus; changedAt: Date }[], days: Day[], untilMs: number, zoneKey: string): Parts {
  const segments = segmentsOf(changes, untilMs);
  let key = zoneKey;
  for (const change of changes) key += `|${change.status}@${change.changedAt.getTime()}`;
  const known = settledByComponent.get(id);
  let settled = known?.key === key ? known.settled : undefined;
  if (!settled) {
    if (settledByComponent.size >= 10_000) settledByComponent.clear();
    settledByComponent.set(id, { key, settled: (settled = settledDays(segments, days.slice(0, -1))) });
  }
  const today = days.at(-1)!;
  return { settled, today: dayOf(today, minutesOn(segments, today)) };
}

function groupUptime(id: string, members: Parts[], days: Day[], zoneKey: string): Uptime {
  const known = settledByGroup.get(id);
  let settled = known?.zoneKey === zoneKey && known.members.length === members.length && known.members.every((member, index) => member === members[index]!.settled) ? known.settled : undefined;
  if (!settled) {
    const total = noMinutes();
    const result = days.slice(0, -1).map((day, index): UptimeDay => {
      const minutes = noMinutes();
      for (const member of members) addMinutes(minutes, member.settled.days[index]!.minutes);
      addMinutes(total, minutes);
      return dayOf(day, minutes);
    });
    if (settledByGroup.size >= 10_000) settledByGroup.clear();
    settledByGroup.set(id, { zoneKey, members: members.map((member) => member.settled), settled: (settled = { days: result, total }) });
  }
  const minutes = noMinutes();
  for (const member of members) addMinutes(minutes, member.today.minutes);
  return withToday(settled, dayOf(days.at(-1)!, minutes));
}

/**
 * Per component and per group, the last `uptimeWindowDays` local days up to `generatedAt`: each
 * day's worst status and minutes per status, and the window's uptime. A component exists from its
 * first change in `history` (the projection carries the last change before the window, so a
 * component older than the window starts with it); days before that are "no data".
 */
export function computeUptime(input: UptimeInput): UptimeReport {
  const days = windowDays(input.generatedAt, input.timeZone);
  const untilMs = input.generatedAt.getTime();
  const zoneKey = `${input.timeZone}|${days[0]!.date}|${days.at(-1)!.date}`;
  const changesOf = new Map<string, { status: ComponentStatus; changedAt: Date }[]>();
  for (const change of input.history) {
    const list = changesOf.get(change.componentId);
    if (list) list.push(change);
    else changesOf.set(change.componentId, [change]);
  }
  const components = new Map<string, Uptime>();
  const parts = new Map<string, Parts>();
  for (const component of input.components) {
    const part = componentParts(component.id, changesOf.get(component.id) ?? [], days, untilMs, zoneKey);
    parts.set(component.id, part);
    components.set(component.id, withToday(part.settled, part.today));
  }
  const groups = new Map<string, Uptime>();
  for (const group of input.groups) {
    const members = group.componentIds.flatMap((id) => parts.get(id) ?? []);
    groups.set(group.id, groupUptime(group.id, members, days, zoneKey));
  }
  return { components, groups };
}
