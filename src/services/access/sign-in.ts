import { z } from 'zod';
import { verify } from '@node-rs/argon2';
import type { DatabaseHandle } from '../../adapters/db/connect.ts';
import { UnauthorizedError } from '../../domain/errors.ts';
import { newSecret } from '../../domain/ids.ts';
import { parseInput } from '../schemas.ts';
import { normalizeEmail } from './internal.ts';
import { sha256 } from '../../domain/secrets.ts';
import { hitRateLimit } from './rate-limit.ts';
import { hashPassword } from './add-user.ts';

export const SignInInput = z.strictObject({
  email: z.string().max(320),
  password: z.string().max(1_000),
  workspace: z.string().max(63).optional(),
});

const sessionDays = 14;
// Verifying against a real hash when the e-mail is unknown keeps the answer time the same.
let decoyHash: Promise<string> | undefined;

/**
 * Checks an e-mail and password (argon2id) and opens a session in one of the person's workspaces.
 * Attempts are limited per e-mail and per client address; the error never says which part was wrong.
 */
export async function signIn({ db, input, clientAddress, now }: { db: DatabaseHandle; input: z.input<typeof SignInInput>; clientAddress: string; now: Date }) {
  const data = parseInput(SignInInput, input);
  const email = normalizeEmail(data.email);
  await hitRateLimit(db, `sign-in:email:${email}`, 10, 15 * 60, now);
  await hitRateLimit(db, `sign-in:address:${clientAddress}`, 50, 15 * 60, now);
  const user = await db.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  decoyHash ??= hashPassword(newSecret());
  const valid = await verify(user?.password_hash ?? (await decoyHash), data.password).catch(() => false);
  if (!user || !user.password_hash || !valid) throw new UnauthorizedError('The e-mail or the password is not right.');
  let membershipQuery = db.db
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .select(['workspaces.id', 'workspaces.slug', 'workspaces.name', 'memberships.role'])
    .where('memberships.user_id', '=', user.id)
    .orderBy('memberships.created_at');
  if (data.workspace) membershipQuery = membershipQuery.where('workspaces.slug', '=', data.workspace);
  const membership = await membershipQuery.executeTakeFirst();
  if (!membership) throw new UnauthorizedError('This account is not a member of that workspace.');
  const secret = newSecret();
  const csrfToken = newSecret();
  await db.db
    .insertInto('sessions')
    .values({
      workspace_id: membership.id,
      id: sha256(secret),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: new Date(now.getTime() + sessionDays * 86_400_000),
    })
    .execute();
  return {
    cookie: `${membership.id}.${secret}`,
    maxAgeSeconds: sessionDays * 86_400,
    csrfToken,
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
    workspace: { id: membership.id, slug: membership.slug, name: membership.name },
    role: membership.role,
  };
}
