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
