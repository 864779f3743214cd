import { stampsFor, type IncidentStatus } from './lifecycle.ts';

/** What the derivation needs of one update. */
export interface UpdateMark {
  id: string;
  status: IncidentStatus;
  displayAt: Date;
  createdAt: Date;
}

export interface DerivedIncidentState {
  status: IncidentStatus;
  monitoringAt: Date | null;
  resolvedAt: Date | null;
}

/** Timeline order, newest first: display time, then creation time, then id so the order is total. */
export function compareNewestFirst(a: UpdateMark, b: UpdateMark): number {
  return (
    b.displayAt.getTime() - a.displayAt.getTime() ||
    b.createdAt.getTime() - a.createdAt.getTime() ||
    (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)
  );
}

/**
 * Derived, not assigned: the incident's status is its newest update's by display time, so a
 * back-dated update joins the timeline without taking over; the stamps fold `stampsFor` in
 * timeline order. The result does not depend on the order the updates are given in.
 */
export function deriveIncidentState(updates: readonly UpdateMark[]): DerivedIncidentState {
  const oldestFirst = [...updates].sort(compareNewestFirst).reverse();
  const newest = oldestFirst.at(-1);
  if (!newest) throw new Error('An incident always has at least one update; none was given.');
  let monitoringAt: Date | null = null;
  let resolvedAt: Date | null = null;
  for (const update of oldestFirst) {
    const stamps = stampsFor(update.status, update.displayAt);
    if (stamps.monitoringAt !== undefined) monitoringAt = stamps.monitoringAt;
    if (stamps.resolvedAt !== undefined) resolvedAt = stamps.resolvedAt;
  }
  return { status: newest.status, monitoringAt, resolvedAt };
}

/**
 * The creation time of a new update: now, or 1 ms after the incident's newest update when the
 * clock has not moved, so "tie → newest created_at" always names the update written last.
 */
export function nextCreatedAt(now: Date, newestCreatedAt: Date | null): Date {
  if (newestCreatedAt && newestCreatedAt.getTime() >= now.getTime()) return new Date(newestCreatedAt.getTime() + 1);
  return now;
}

/**
 * The state after adding `update` when it is the newest of the timeline: the previous state folded
 * with the update's stamps. Equal to `deriveIncidentState` over all updates in that case, without
 * reading them; a back-dated update needs the full derivation.
 */
export function foldIncidentState(previous: DerivedIncidentState, update: UpdateMark): DerivedIncidentState {
  const stamps = stampsFor(update.status, update.displayAt);
  return {
    status: update.status,
    monitoringAt: stamps.monitoringAt !== undefined ? stamps.monitoringAt : previous.monitoringAt,
    resolvedAt: stamps.resolvedAt !== undefined ? stamps.resolvedAt : previous.resolvedAt,
  };
}
