import { z } from 'zod';
import { InvalidError, NotFoundError, type FieldIssue } from '../../domain/errors.ts';
import { normalizePhone } from '../../adapters/sms/phone.ts';
import { isCrisisRole } from '../../domain/crisis-plan/roles.ts';
import { defaultCountryOf } from '../subscriptions/address.ts';
import { authorize, checkVersion, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Instant, parseInput, toDate } from '../schemas.ts';
import { loadRosterEntry } from './internal.ts';

const Phone = z.string().trim().regex(/^\+?[0-9][0-9 ().-]{4,30}$/, 'a phone number such as +33 6 12 34 56 78').nullable().default(null);

const RosterMember = z.strictObject({
  /** A member of the workspace. */
  user_id: z.string().min(1).max(64),
  phone: Phone,
  /** Where reminders and escalations go for this role. (Default: the account's e-mail) */
  email: z.email('an e-mail address').max(320).nullable().default(null),
  out_of_hours_phone: Phone,
  availability_note: z.string().trim().max(500).nullable().default(null),
  /** Away until then: the escalation path skips to the next person. */
  unavailable_until: Instant.nullable().default(null),
});

export const SetRosterRoleInput = z.strictObject({
  /** The primary first, then the backups (up to 9). [] empties the role. */
  members: z.array(RosterMember).max(10),
});
export type SetRosterRoleInput = z.input<typeof SetRosterRoleInput>;

/** Names who holds a crisis role, primary then backups, with their contacts (If-Match: the role's version, 0 before the first edit). */
export async function setRosterRole({ ctx, role, input, expectedVersion }: { ctx: Ctx; role: string; input: SetRosterRoleInput; expectedVersion?: number }) {
  authorize(ctx, 'plan.manage');
  if (!isCrisisRole(role)) throw new NotFoundError('crisis-role', role);
  const data = parseInput(SetRosterRoleInput, input);
  return withTransaction(ctx, async (tx) => {
    const before = await loadRosterEntry(tx, ctx.workspaceId, role);
    const locked = await tx.selectFrom('crisis_roles').select('version').where('workspace_id', '=', ctx.workspaceId).where('role', '=', role).forUpdate().executeTakeFirst();
    checkVersion('roster entry', locked?.version ?? 0, expectedVersion);
    const userIds = data.members.map((member) => member.user_id);
    const members = userIds.length === 0 ? [] : await tx.selectFrom('memberships').select('user_id').where('workspace_id', '=', ctx.workspaceId).where('user_id', 'in', userIds).execute();
    const issues: FieldIssue[] = [];
    data.members.forEach((member, index) => {
      if (!members.some((row) => row.user_id === member.user_id)) issues.push({ pointer: `/members/${index}/user_id`, detail: 'not a member of this workspace' });
      else if (userIds.indexOf(member.user_id) !== index) issues.push({ pointer: `/members/${index}/user_id`, detail: 'listed twice: one person holds one place' });
    });
    // A number the deadlines cannot text is refused now, not found out at three in the morning.
    const workspace = await tx.selectFrom('workspaces').select('default_language').where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow();
    data.members.forEach((member, index) => {
      for (const field of ['phone', 'out_of_hours_phone'] as const) {
        const written = member[field];
        if (written === null) continue;
        const phone = normalizePhone(written, defaultCountryOf(workspace.default_language));
        if (!phone.ok) issues.push({ pointer: `/members/${index}/${field}`, detail: phone.reason.replace(/\.$/, '') });
      }
    });
    if (issues.length > 0) throw new InvalidError(`The roster entry cannot be saved: ${issues.map((issue) => `${issue.pointer}: ${issue.detail}`).join('; ')}.`, issues);
    const now = ctx.now();
    const version = (locked?.version ?? 0) + 1;
    if (locked) {
      await tx.updateTable('crisis_roles').set({ version, updated_at: now, updated_by_name: ctx.actor.name }).where('workspace_id', '=', ctx.workspaceId).where('role', '=', role).execute();
    } else {
      await tx.insertInto('crisis_roles').values({ workspace_id: ctx.workspaceId, role, version, updated_at: now, updated_by_name: ctx.actor.name }).execute();
    }
    await tx.deleteFrom('crisis_role_members').where('workspace_id', '=', ctx.workspaceId).where('role', '=', role).execute();
    if (data.members.length > 0) {
      await tx
        .insertInto('crisis_role_members')
        .values(data.members.map((member, position) => ({ workspace_id: ctx.workspaceId, role, position, ...member, unavailable_until: toDate(member.unavailable_until) })))
        .execute();
    }
    const after = await loadRosterEntry(tx, ctx.workspaceId, role);
    await recordAudit(tx, ctx, { action: 'crisis_plan.set_role', entityType: 'crisis_role', entityId: role, before, after });
    return after;
  });
}

