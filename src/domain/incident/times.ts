import type { FieldIssue } from '../errors.ts';

/** How far ahead of the server clock a typed time may be: the communicator's clock may run fast. */
export const clockSkewMs = 5 * 60_000;

export interface IncidentTimes {
  occurredAt: Date | null;
  detectedAt: Date | null;
  acknowledgedAt: Date | null;
}

/** A time must not lie in the future beyond the clock skew; returns the issue, or null. */
export function futureIssue(field: string, at: Date | null, now: Date): FieldIssue | null {
  if (at === null || at.getTime() <= now.getTime() + clockSkewMs) return null;
  return { pointer: `/${field}`, detail: `is in the future (${at.toISOString()}, now ${now.toISOString()})` };
}

/**
 * Every impossible combination of an incident's times: it occurs, then is detected, then
 * acknowledged, and none of it has happened yet in the future.
 */
export function timeIssues(times: IncidentTimes, now: Date): FieldIssue[] {
  const { occurredAt, detectedAt, acknowledgedAt } = times;
  const issues = [
    futureIssue('occurred_at', occurredAt, now),
    futureIssue('detected_at', detectedAt, now),
    futureIssue('acknowledged_at', acknowledgedAt, now),
  ].filter((issue) => issue !== null);
  if (occurredAt && detectedAt && detectedAt < occurredAt) {
    issues.push({ pointer: '/detected_at', detail: 'is before occurred_at: an incident is detected after it occurs' });
  }
  if (acknowledgedAt && detectedAt && acknowledgedAt < detectedAt) {
    issues.push({ pointer: '/acknowledged_at', detail: 'is before detected_at: an incident is acknowledged after it is detected' });
  } else if (acknowledgedAt && !detectedAt && occurredAt && acknowledgedAt < occurredAt) {
    issues.push({ pointer: '/acknowledged_at', detail: 'is before occurred_at: an incident is acknowledged after it occurs' });
  }
  return issues;
}
