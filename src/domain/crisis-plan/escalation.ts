import { DateTime } from 'luxon';
import type { EscalationStep } from '../clocks/communication.ts';
import { isAvailable, type CrisisRole, type Roster, type RosterPerson } from './roles.ts';

/**
 * The crisis plan on the escalation path of a late message (doctrine §4: the referent decides the
 * next message). At the deadline the crisis and communications leads on duty are told: the primary,
 * or the first available backup when the primary is away. Past it, the one told did not act: the
 * next available person of those roles is told too, and the executive sponsor on duty. The
 * reminder before the deadline stays the incident referent's.
 */
export const escalationRoles: Record<EscalationStep, readonly CrisisRole[]> = {
  reminder: [],
  due: ['crisis_lead', 'communications_lead'],
  escalation: ['executive_sponsor'],
};

export function rosterRecipients(step: EscalationStep, roster: Roster, now: Date): RosterPerson[] {
  const onDuty = (role: CrisisRole, count: number) => (roster[role] ?? []).filter((person) => isAvailable(person, now)).slice(0, count);
  const people = [
    ...escalationRoles[step].flatMap((role) => onDuty(role, 1)),
    ...(step === 'escalation' ? escalationRoles.due.flatMap((role) => onDuty(role, 2)) : []),
  ];
  const seen = new Set<string>();
  return people.filter((person) => !seen.has(person.userId) && seen.add(person.userId));
}

/**
 * Office hours in the workspace's time zone: Monday to Friday, from 8:00 until 19:00. A deadline
 * outside them is when the out-of-hours phone matters: the one people keep by the bed.
 */
export const officeHours = { firstWeekday: 1, lastWeekday: 5, fromHour: 8, untilHour: 19 } as const;

export function isOfficeHours(at: Date, timeZone: string): boolean {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  return local.weekday >= officeHours.firstWeekday && local.weekday <= officeHours.lastWeekday && local.hour >= officeHours.fromHour && local.hour < officeHours.untilHour;
}

/** The number a deadline's text message goes to: the office phone in office hours, the out-of-hours one outside them, else whichever the person gave. */
export function escalationPhone(person: Pick<RosterPerson, 'phone' | 'outOfHoursPhone'>, at: Date, timeZone: string): string | null {
  return isOfficeHours(at, timeZone) ? (person.phone ?? person.outOfHoursPhone) : (person.outOfHoursPhone ?? person.phone);
}
