import type { DeliveryChannel } from './channels.ts';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

/**
 * The wait before attempt n (index n − 1). Crisis news goes stale: e-mail, SMS and support scripts
 * retry within minutes and give up after about two hours. Webhooks and chat follow the Standard
 * Webhooks example schedule (75 h 35 min 5 s over 10 attempts), since a receiver that is down for a
 * day still wants the record. A social post stops within the hour Mastodon remembers its
 * Idempotency-Key, so a retry never posts twice.
 */
const schedules = {
  fast: [0, 10 * second, 30 * second, minute, 2 * minute, 5 * minute, 10 * minute, 20 * minute, 30 * minute, hour],
  patient: [0, 5 * second, 5 * minute, 30 * minute, 2 * hour, 5 * hour, 10 * hour, 14 * hour, 20 * hour, 24 * hour],
  withinTheHour: [0, 10 * second, 30 * second, minute, 5 * minute, 15 * minute, 30 * minute],
} as const;

function scheduleOf(channel: DeliveryChannel): readonly number[] {
  if (channel === 'social') return schedules.withinTheHour;
  return channel === 'email' || channel === 'sms' || channel === 'support_script' ? schedules.fast : schedules.patient;
}

/** Attempts a delivery gets before it becomes a dead letter. */
export function maxAttempts(channel: DeliveryChannel): number {
  return scheduleOf(channel).length;
}

/**
 * The wait after `attempts` failed attempts, or null when they were all used (a dead letter). Full
 * jitter within each step (drawn between the step before and this one), so failures that happened
 * together spread out and every wait is at least the one before whatever the draws. A receiver's
 * own Retry-After wins when it asks for longer.
 */
export function retryDelayMs(channel: DeliveryChannel, attempts: number, random: number, retryAfterMs = 0): number | null {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be a whole number from 1, not ${attempts}.`);
  const schedule = scheduleOf(channel);
  const longest = schedule[attempts];
  if (longest === undefined) return null;
  const shortest = schedule[attempts - 1]!;
  return Math.max(Math.floor(shortest + random * (longest - shortest)), retryAfterMs);
}
