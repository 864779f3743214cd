import type { Db } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { crisisRoles, type CrisisRole, type Roster, type RosterPerson } from '../../domain/crisis-plan/roles.ts';
import { findIncidentTemplate } from '../../domain/incident/templates.ts';
import { sha256 } from '../../domain/secrets.ts';

export interface RosterMemberView {
  position: number;
  user_id: string;
  name: string;
  account_email: string;
  email: string | null;
  phone: string | null;
  out_of_hours_phone: string | null;
  availability_note: string | null;
  unavailable_until: string | null;
}

export interface RosterEntryView {
  role: CrisisRole;
  /** 0 while the role was never filled: the If-Match of its first edit. */
  version: number;
  updated_at: string | null;
  updated_by_name: string | null;
  members: RosterMemberView[];
}

type MemberRow = Row<'crisis_role_members'> & { name: string; account_email: string; locale: 'fr' | 'en' };

async function memberRows(db: Db, workspaceId: string, role?: CrisisRole): Promise<MemberRow[]> {
  let query = db
    .selectFrom('crisis_role_members as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .selectAll('r')
    .select(['u.name', 'u.email as account_email', 'u.locale'])
    .where('r.workspace_id', '=', workspaceId);
  if (role) query = query.where('r.role', '=', role);
  return query.orderBy('r.role').orderBy('r.position').execute();
}

/** Every crisis role with its people, primary first; roles never filled are listed empty. */
export async function loadRosterEntries(db: Db, workspaceId: string): Promise<RosterEntryView[]> {
  const roles = await db.selectFrom('crisis_roles').selectAll().where('workspace_id', '=', workspaceId).execute();
  const members = await memberRows(db, workspaceId);
  return crisisRoles.map((role) => presentRosterEntry(role, roles.find((row) => row.role === role), members.filter((member) => member.role === role)));
}

export function presentRosterEntry(role: CrisisRole, row: Row<'crisis_roles'> | undefined, members: MemberRow[]): RosterEntryView {
  return {
    role,
    version: row?.version ?? 0,
    updated_at: row?.updated_at.toISOString() ?? null,
    updated_by_name: row?.updated_by_name ?? null,
    members: members.map((member) => ({
      position: member.position,
      user_id: member.user_id,
      name: member.name,
      account_email: member.account_email,
      email: member.email,
      phone: member.phone,
      out_of_hours_phone: member.out_of_hours_phone,
      availability_note: member.availability_note,
      unavailable_until: member.unavailable_until?.toISOString() ?? null,
    })),
  };
}

export async function loadRosterEntry(db: Db, workspaceId: string, role: CrisisRole): Promise<RosterEntryView> {
  const row = await db.selectFrom('crisis_roles').selectAll().where('workspace_id', '=', workspaceId).where('role', '=', role).executeTakeFirst();
  return presentRosterEntry(role, row, await memberRows(db, workspaceId, role));
}

/** The roster as the escalation path and the score read it: each role's people, primary first. */
export async function loadRoster(db: Db, workspaceId: string): Promise<{ roster: Roster; locales: Map<string, 'fr' | 'en'> }> {
  const rows = await memberRows(db, workspaceId);
  const roster: Partial<Record<CrisisRole, RosterPerson[]>> = {};
  const locales = new Map<string, 'fr' | 'en'>();
  for (const row of rows) {
    const role = row.role as CrisisRole;
    (roster[role] ??= []).push({ userId: row.user_id, email: row.email ?? row.account_email, phone: row.phone, outOfHoursPhone: row.out_of_hours_phone, unavailableUntil: row.unavailable_until });
    locales.set(row.user_id, row.locale);
  }
  return { roster, locales };
}

/** What a pre-approval of a message template covers: its slot and its text. Any edit changes it. */
export function messageTemplateHash(template: Pick<Row<'message_templates'>, 'stage' | 'language' | 'channel' | 'audience' | 'subject' | 'body'>): string {
  return sha256(JSON.stringify([template.stage, template.language, template.channel, template.audience, template.subject, template.body]));
}

/** The built-in incident templates change only with Tocsin itself: an upgrade that rewrites one lifts its mark. */
export function incidentTemplateHash(key: string): string | undefined {
  const template = findIncidentTemplate(key);
  return template ? sha256(JSON.stringify(template)) : undefined;
}

/** When the workspace last finished a drill; null when it never has. */
export async function lastDrillAt(db: Db, workspaceId: string): Promise<Date | null> {
  const last = await db.selectFrom('drills').select((eb) => eb.fn.max('finished_at').as('at')).where('workspace_id', '=', workspaceId).where('state', '=', 'finished').executeTakeFirst();
  return last?.at ? new Date(last.at) : null;
}
