import { DateTime } from 'luxon';

/**
 * The communication clocks of an open incident (doctrine §1): a first public message within the
 * hour of detection, then every update promising the next. Before each deadline the referent is
 * reminded, at it the backup and the incident lead are told, after it an executive.
 */

export type CommunicationClockId = 'first_message' | 'next_update';
export type CommunicationStatus = 'running' | 'met' | 'late' | 'overdue';

export interface CommunicationInput {
  /** When the incident was detected (or opened, when detection was not recorded). */
  detectedAt: Date;
  /** When the incident became public (its first public update); null while declared internally. */
  firstPublicAt: Date | null;
  /** The newest public update, if any. */
  lastPublicAt: Date | null;
  /** The next update the newest one promised. */
  nextUpdateAt: Date | null;
  isOpen: boolean;
  /** Minutes from detection to the first public message. (Default: 60; a workspace sets 15–60) */
  firstMessageMinutes: number;
  /** Minutes between updates for the incident's impact, when no time was promised. */
  cadenceMinutes: number;
  /** A daily communiqué at this local time ("16:00") replaces the cadence when no time was promised. */
  dailyUpdateTime?: string | null;
  /** IANA time zone the daily communiqué's time is read in. (Default: 'UTC') */
  timeZone?: string;
  now: Date;
}

export interface CommunicationClock {
  id: CommunicationClockId;
  dueAt: Date;
  status: CommunicationStatus;
  /** When it was met (or met late). */
  metAt?: Date;
  /** The next update's time was promised publicly, rather than taken from the cadence. */
  isPromised: boolean;
}

const minute = 60_000;

/**
 * The clocks that apply: the first message until it is out, then the next update while the incident
 * is open. An incident declared internally and closed inside the cell (a false alarm) owed no message.
 */
export function communicationClocks(input: CommunicationInput): CommunicationClock[] {
  const firstDue = new Date(input.detectedAt.getTime() + input.firstMessageMinutes * minute);
  const clocks: CommunicationClock[] = [];
  if (input.firstPublicAt) {
    clocks.push({ id: 'first_message', dueAt: firstDue, status: input.firstPublicAt <= firstDue ? 'met' : 'late', metAt: input.firstPublicAt, isPromised: false });
  } else if (input.isOpen) {
    clocks.push({ id: 'first_message', dueAt: firstDue, status: input.now > firstDue ? 'overdue' : 'running', isPromised: false });
  }
  if (input.isOpen && input.lastPublicAt) {
    const dueAt =
      input.nextUpdateAt ??
      (input.dailyUpdateTime
        ? nextDailyUpdate(input.lastPublicAt, input.dailyUpdateTime, input.timeZone ?? 'UTC')
        : new Date(input.lastPublicAt.getTime() + input.cadenceMinutes * minute));
    clocks.push({ id: 'next_update', dueAt, status: input.now > dueAt ? 'overdue' : 'running', isPromised: input.nextUpdateAt !== null });
  }
  return clocks;
}

/**
 * The first time strictly after `after` that the wall clock of `timeZone` reads `time` ("16:00"):
 * today's when it is still ahead, else tomorrow's. On a DST change the local time that does not
 * exist moves forward an hour, as luxon does.
 */
export function nextDailyUpdate(after: Date, time: string, timeZone: string): Date {
  const [hour, minuteOfHour] = time.split(':').map(Number) as [number, number];
  const local = DateTime.fromJSDate(after, { zone: timeZone });
  let due = local.set({ hour, minute: minuteOfHour, second: 0, millisecond: 0 });
  if (due <= local) due = local.plus({ days: 1 }).set({ hour, minute: minuteOfHour, second: 0, millisecond: 0 });
  return due.toJSDate();
}

export type EscalationStep = 'reminder' | 'due' | 'escalation';

export interface EscalationPolicy {
  /** Minutes before the deadline the referent is reminded. (Default: 15) */
  remindBeforeMinutes: number;
  /** Minutes after the deadline an executive is told. (Default: 15) */
  escalateAfterMinutes: number;
}

export const defaultEscalationPolicy: EscalationPolicy = { remindBeforeMinutes: 15, escalateAfterMinutes: 15 };

/** Who each step goes to. */
export const stepAudience: Record<EscalationStep, 'referent' | 'backup_and_lead' | 'executive'> = {
  reminder: 'referent',
  due: 'backup_and_lead',
  escalation: 'executive',
};

/**
 * The steps of a clock that are due at `now` and still worth sending: none once it is met; the
 * reminder only while the deadline is ahead (past it, the "due" step says more).
 */
export function dueEscalationSteps(clock: CommunicationClock, policy: EscalationPolicy, now: Date): Array<{ step: EscalationStep; at: Date }> {
  if (clock.status === 'met' || clock.status === 'late') return [];
  const steps = [
    { step: 'reminder' as const, at: new Date(clock.dueAt.getTime() - policy.remindBeforeMinutes * minute) },
    { step: 'due' as const, at: clock.dueAt },
    { step: 'escalation' as const, at: new Date(clock.dueAt.getTime() + policy.escalateAfterMinutes * minute) },
  ];
  return steps.filter(({ step, at }) => at <= now && !(step === 'reminder' && now >= clock.dueAt));
}
