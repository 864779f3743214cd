import type { PromiseState } from '../incident/timeline.ts';

const minute = 60_000;

export interface PromiseInput {
  id: string;
  kind: string;
  text: string;
  madeAt: Date;
  dueAt: Date | null;
  /** As read at the report's time: a pending promise past due reads broken. */
  state: PromiseState;
  keptAt: Date | null;
}

export interface FirstMessageMeasure {
  detected_at: string;
  first_public_at: string | null;
  minutes: number | null;
  deadline_minutes: number;
  /** Null while nothing is public and the deadline has not passed. */
  met: boolean | null;
}

/** Doctrine §1: the first public message within the deadline (60 min by default) after detection. */
export function measureFirstMessage(detectedAt: Date, firstPublicAt: Date | null, deadlineMinutes: number, now: Date): FirstMessageMeasure {
  const due = detectedAt.getTime() + deadlineMinutes * minute;
  const minutes = firstPublicAt && Math.round((firstPublicAt.getTime() - detectedAt.getTime()) / minute);
  const met = firstPublicAt ? firstPublicAt.getTime() <= due : now.getTime() > due ? false : null;
  return { detected_at: detectedAt.toISOString(), first_public_at: firstPublicAt?.toISOString() ?? null, minutes, deadline_minutes: deadlineMinutes, met };
}

export interface PromisedUpdate {
  id: string;
  made_at: string;
  due_at: string;
  /** The first public update after the promise was made. */
  actual_at: string | null;
  /** actual − due, in minutes; negative when early. */
  delay_minutes: number | null;
  state: PromiseState;
  /** Null when it does not count: moved in public before it fell due, or not due yet. */
  on_time: boolean | null;
}

export interface Punctuality {
  updates: PromisedUpdate[];
  on_time: number;
  late: number;
  /** on_time / (on_time + late), one decimal; null when no promise fell due. */
  percent: number | null;
}

/** Each promised next update against the public update that actually came (doctrine §1: keep the link). */
export function measurePunctuality(promises: readonly PromiseInput[], updateTimes: readonly Date[]): Punctuality {
  const times = [...updateTimes].map((at) => at.getTime()).sort((a, b) => a - b);
  const rows = promises
    .filter((p): p is PromiseInput & { dueAt: Date } => p.kind === 'next_update' && p.dueAt !== null && p.state !== 'dropped')
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id.localeCompare(b.id))
    .map((p): PromisedUpdate => {
      const actual = p.keptAt?.getTime() ?? times.find((at) => at > p.madeAt.getTime()) ?? null;
      return {
        id: p.id, made_at: p.madeAt.toISOString(), due_at: p.dueAt.toISOString(), actual_at: actual === null ? null : new Date(actual).toISOString(),
        delay_minutes: actual === null ? null : Math.round((actual - p.dueAt.getTime()) / minute), state: p.state, on_time: onTime(p.state),
      };
    });
  const onTimeCount = rows.filter((r) => r.on_time === true).length;
  const late = rows.filter((r) => r.on_time === false).length;
  return { updates: rows, on_time: onTimeCount, late, percent: ratioPercent(onTimeCount, onTimeCount + late) };
}

function onTime(state: PromiseState): boolean | null {
  switch (state) {
    case 'kept':
      return true;
    case 'broken':
      return false;
    case 'pending':
    case 'postponed':
    case 'dropped':
      return null;
  }
}

/** part / whole as a percentage with one decimal, null for an empty whole. */
export function ratioPercent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

export interface ChannelDeliveries {
  channel: string;
  /** Distinct addresses at least one delivery reached. */
  recipients: number;
  sent: number;
  failed: number;
  dead: number;
  cancelled: number;
  /** Pending or being sent. */
  under_way: number;
  first_sent_at: string | null;
  last_sent_at: string | null;
}

/** Sent over sent + failed + dead: what was meant to arrive and did; cancelled (the recipient left) does not count. */
export function deliverySuccess(counts: Pick<ChannelDeliveries, 'sent' | 'failed' | 'dead'>): number | null {
  return ratioPercent(counts.sent, counts.sent + counts.failed + counts.dead);
}

export function sumDeliveries(channels: readonly ChannelDeliveries[]) {
  const total = { recipients: 0, sent: 0, failed: 0, dead: 0, cancelled: 0, under_way: 0 };
  for (const c of channels) for (const key of Object.keys(total) as Array<keyof typeof total>) total[key] += c[key];
  return { ...total, success_percent: deliverySuccess(total) };
}

/** The median: the middle value, or the mean of the two middle ones. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A percentile by nearest rank: the smallest value with at least p % of the values at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
