/** The timeline route's answer (GET /api/admin/incidents/{id}/timeline) and the arithmetic of its picture. */

export type Lane = 'known' | 'said' | 'promised' | 'regulatory';
export type PromiseState = 'pending' | 'kept' | 'broken' | 'dropped' | 'postponed';

export interface TimelineEvent {
  at: string;
  kind: string;
  lane: Lane;
  label: { fr: string; en: string };
  ref: { type: string; id: string };
  status?: string;
  due_at?: string | null;
  state?: string;
}

export interface TimelineGap {
  from: string;
  to: string;
  minutes: number;
  late: boolean;
  ongoing: boolean;
}

export interface TimelinePromise {
  id: string;
  promise_kind: string;
  text: string;
  made_at: string;
  due_at: string | null;
  kept_at: string | null;
  state: PromiseState;
}

export interface Timeline {
  incident: { occurred_at: string | null; detected_at: string | null; opened_at: string; public_at: string | null; resolved_at: string | null };
  events: TimelineEvent[];
  gaps: TimelineGap[];
  promises: TimelinePromise[];
  now: string;
}

const minute = 60_000;
const day = 1_440 * minute;

/**
 * The span the picture shows: from the first event to now (or the resolution), stretched to take in
 * what falls due soon after — a promised time, a near legal deadline. Anything later is pinned to
 * the right edge rather than squeezing the rest into a corner.
 */
export function timeRange(timeline: Timeline, now: number): { start: number; end: number } {
  const times = timeline.events.map((e) => Date.parse(e.at));
  const dues = timeline.promises.flatMap((p) => (p.due_at ? [Date.parse(p.due_at)] : []));
  const start = Math.min(Date.parse(timeline.incident.opened_at), ...times);
  const resolvedAt = timeline.incident.resolved_at ? Date.parse(timeline.incident.resolved_at) : null;
  const last = Math.max(start, ...times.filter((t) => t <= now));
  const anchor = resolvedAt ?? Math.max(now, last);
  const horizon = anchor + Math.max((anchor - start) * 0.25, 20 * minute);
  const end = Math.max(anchor, ...[...times, ...dues].filter((t) => t <= horizon));
  const span = Math.max(end - start, 30 * minute);
  const pad = span * 0.03;
  return { start: start - pad, end: start + span + pad };
}

const tickSteps = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1_440, 2_880, 10_080].map((m) => m * minute);

/** Round times for the axis, in the reader's time zone, at most `maxTicks` of them. */
export function axisTicks(start: number, end: number, maxTicks: number): { ticks: number[]; step: number } {
  const step = tickSteps.find((s) => (end - start) / s <= Math.max(2, maxTicks)) ?? tickSteps[tickSteps.length - 1]!;
  const midnight = new Date(start);
  midnight.setHours(0, 0, 0, 0);
  let at = midnight.getTime();
  // Steps under a day divide a day: counting from local midnight lands on round hours and minutes.
  while (at < start) at += step;
  const ticks: number[] = [];
  for (; at <= end; at += step) ticks.push(at);
  return { ticks, step };
}

export const isWholeDays = (step: number) => step >= day;

/**
 * Vertical offsets for markers that would overlap in one row: each takes the first slot whose last
 * marker is at least `minGap` to its left (the order of `xs` is kept).
 */
export function stackOffsets(xs: number[], minGap: number, slots: readonly number[]): number[] {
  const lastX = slots.map(() => Number.NEGATIVE_INFINITY);
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x);
  const offsets = new Array<number>(xs.length).fill(0);
  for (const { x, i } of order) {
    let slot = lastX.findIndex((last) => x - last >= minGap);
    if (slot === -1) slot = lastX.indexOf(Math.min(...lastX));
    lastX[slot] = x;
    offsets[i] = slots[slot]!;
  }
  return offsets;
}
