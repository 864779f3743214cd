/**
 * The crisis cell's roles (doctrine §4: a referent who centralizes and decides; §3: legal reviews;
 * §1: an executive voice early; §4: support's scripts), each held by a primary and backups.
 */

export type Bilingual = { fr: string; en: string };

export const crisisRoles = ['crisis_lead', 'communications_lead', 'spokesperson', 'legal_dpo', 'support_lead', 'executive_sponsor', 'technical_referent'] as const;
export type CrisisRole = (typeof crisisRoles)[number];

export interface CrisisRoleDefinition {
  role: CrisisRole;
  label: Bilingual;
  /** What the role does during a crisis, in one line. */
  duty: Bilingual;
  /** Points of the readiness score for having a primary; a backup is worth half. */
  weight: number;
}

export const crisisRoleDefinitions: readonly CrisisRoleDefinition[] = [
  { role: 'crisis_lead', label: { fr: 'Responsable de crise', en: 'Crisis lead' }, duty: { fr: 'Centralise l’information et décide du prochain message.', en: 'Centralizes information and decides the next message.' }, weight: 10 },
  { role: 'communications_lead', label: { fr: 'Responsable communication', en: 'Communications lead' }, duty: { fr: 'Écrit les messages par public et tient le rythme des points.', en: 'Writes the messages per audience and keeps the update rhythm.' }, weight: 8 },
  { role: 'spokesperson', label: { fr: 'Porte-parole', en: 'Spokesperson' }, duty: { fr: 'Parle à la presse et au public au nom de l’entreprise.', en: 'Speaks to the press and the public for the company.' }, weight: 6 },
  { role: 'legal_dpo', label: { fr: 'Juridique / DPO', en: 'Legal / DPO' }, duty: { fr: 'Relit les messages, tient les délais réglementaires.', en: 'Reviews the messages, keeps the regulatory deadlines.' }, weight: 6 },
  { role: 'support_lead', label: { fr: 'Responsable support', en: 'Support lead' }, duty: { fr: 'Donne aux agents le script du moment et remonte ce que disent les clients.', en: 'Gives agents the current script and reports what customers say.' }, weight: 4 },
  { role: 'executive_sponsor', label: { fr: 'Dirigeant référent', en: 'Executive sponsor' }, duty: { fr: 'Prend la parole tôt dans une crise majeure ; reçoit les escalades.', en: 'Speaks early in a major crisis; receives the escalations.' }, weight: 5 },
  { role: 'technical_referent', label: { fr: 'Référent technique', en: 'Technical referent' }, duty: { fr: 'Dit ce qui est confirmé côté technique, et ce qui ne l’est pas.', en: 'Says what is confirmed on the technical side, and what is not.' }, weight: 4 },
];

export function crisisRoleDefinition(role: CrisisRole): CrisisRoleDefinition {
  return crisisRoleDefinitions.find((definition) => definition.role === role)!;
}

export function isCrisisRole(value: string): value is CrisisRole {
  return (crisisRoles as readonly string[]).includes(value);
}

/** One person on a role's list, as the escalation path and the score read it. */
export interface RosterPerson {
  userId: string;
  /** The address reminders go to: the roster's contact e-mail, else the account's. */
  email: string;
  phone: string | null;
  outOfHoursPhone: string | null;
  /** Away until then: skipped by the escalation path. */
  unavailableUntil: Date | null;
}

/** Each role's people in order: the primary first, then the backups. */
export type Roster = Partial<Record<CrisisRole, readonly RosterPerson[]>>;

export function isAvailable(person: RosterPerson, now: Date): boolean {
  return person.unavailableUntil === null || person.unavailableUntil <= now;
}
