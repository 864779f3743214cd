import type { Impact } from '../incident/lifecycle.ts';

/** Minutes between public updates by impact (doctrine §1: every 60–90 min at the start, sooner when critical). */
export type Cadence = Record<Impact, number>;

/** Default cadence: critical 30, major 60, minor and none 90 minutes. */
export const defaultCadence: Cadence = { critical: 30, major: 60, minor: 90, none: 90 };

const roundingMs = 5 * 60_000;

/** The next update's default time: now plus the impact's cadence, rounded up to five minutes ("16 h 35", not "16 h 33"). */
export function defaultNextUpdateAt(now: Date, impact: Impact, cadence: Cadence): Date {
  const due = now.getTime() + cadence[impact] * 60_000;
  return new Date(Math.ceil(due / roundingMs) * roundingMs);
}
