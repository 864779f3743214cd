import { z } from 'zod';
import { hash } from '@node-rs/argon2';
import { roles } from '../../domain/access/roles.ts';
import { newId } from '../../domain/ids.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { Language, Name, parseInput } from '../schemas.ts';
import { normalizeEmail } from './internal.ts';

export const AddUserInput = z.strictObject({
  email: z.email().max(320),
  name: Name,
  role: z.enum(roles),
  password: z.string().min(12, 'at least 12 characters').max(1_000).optional(),
  locale: Language.default('en'),
});
export type AddUserInput = z.input<typeof AddUserInput>;

/** argon2id with the OWASP minimums (19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

/**
 * Adds a person to the workspace with a role; creates their account when the e-mail is new, sets
 * the password when one is given, and changes the role when they are already a member.
 */
export async function addUser({ ctx, input }: { ctx: Ctx; input: AddUserInput }) {
  authorize(ctx, 'member.manage');
  const data = parseInput(AddUserInput, input);
  const email = normalizeEmail(data.email);
  const passwordHash = data.password ? await hashPassword(data.password) : undefined;
  return withTransaction(ctx, async (tx) => {
    const now = ctx.now();
    let user = await tx.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    if (!user) {
      user = await tx
        .insertInto('users')
        .values({ id: newId(), email, name: data.name, password_hash: passwordHash ?? null, locale: data.locale, created_at: now, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
    } else if (passwordHash) {
      await tx.updateTable('users').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', user.id).execute();
    }
    const existing = await tx
      .selectFrom('memberships')
      .selectAll()
      .where('workspace_id', '=', ctx.workspaceId)
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (existing) {
      await tx
        .updateTable('memberships')
        .set({ role: data.role, version: existing.version + 1 })
        .where('workspace_id', '=', ctx.workspaceId)
        .where('user_id', '=', user.id)
        .execute();
    } else {
      await tx.insertInto('memberships').values({ workspace_id: ctx.workspaceId, user_id: user.id, role: data.role, created_at: now }).execute();
    }
    const member = { id: user.id, email: user.email, name: user.name, role: data.role, locale: user.locale, has_password: Boolean(passwordHash ?? user.password_hash) };
    await recordAudit(tx, ctx, {
      action: existing ? 'member.update' : 'member.add',
      entityType: 'member',
      entityId: user.id,
      before: existing ? { role: existing.role } : undefined,
      after: member,
    });
    return member;
  });
}
