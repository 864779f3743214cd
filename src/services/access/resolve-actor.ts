import type { DatabaseHandle } from '../../adapters/db/connect.ts';
import type { Role } from '../../domain/access/roles.ts';
import { sameHash, sha256 } from '../../domain/secrets.ts';

export interface ResolvedActor {
  workspaceId: string;
  actor: { type: 'user' | 'token'; id: string; name: string; role: Role };
  /** Set for browser sessions: state-changing requests must echo it in `X-CSRF-Token`. */
  csrfToken?: string;
  sessionId?: string;
}

/** The session behind a `tocsin_session` cookie value (`<workspace>.<secret>`), or null. */
export async function resolveSession(db: DatabaseHandle, cookie: string, now: Date): Promise<ResolvedActor | null> {
  const [workspaceId, secret] = cookie.split('.', 2);
  if (!workspaceId || !secret) return null;
  const row = await db.db
    .selectFrom('sessions')
    .innerJoin('memberships', (join) => join.onRef('memberships.workspace_id', '=', 'sessions.workspace_id').onRef('memberships.user_id', '=', 'sessions.user_id'))
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id', 'sessions.csrf_token', 'sessions.expires_at', 'users.id as user_id', 'users.name', 'memberships.role'])
    .where('sessions.workspace_id', '=', workspaceId)
    .where('sessions.id', '=', sha256(secret))
    .executeTakeFirst();
  if (!row || row.expires_at <= now) return null;
  return { workspaceId, actor: { type: 'user', id: row.user_id, name: row.name, role: row.role }, csrfToken: row.csrf_token, sessionId: row.id };
}

/**
 * Tokens checked in the last few seconds, so a busy API client costs one lookup per window, not one
 * per request. A revocation is immediate in the process that made it and takes at most
 * `tokenCacheMs` to reach the others.
 */
const tokenCacheMs = 5_000;
const tokenCacheSize = 1_000;
const tokenCache = new Map<string, { resolved: ResolvedActor; until: number; expiresAt: number | null }>();

export function forgetToken(workspaceId: string, id: string): void {
  for (const [key, entry] of tokenCache) {
    if (entry.resolved.workspaceId === workspaceId && entry.resolved.actor.id === id) tokenCache.delete(key);
  }
}

/** The token behind `Authorization: Bearer tsn_<workspace>_<id>_<secret>`, or null. */
export async function resolveToken(db: DatabaseHandle, token: string, now: Date): Promise<ResolvedActor | null> {
  const cached = tokenCache.get(token);
  const nowMs = now.getTime();
  if (cached && cached.until > nowMs && (cached.expiresAt === null || cached.expiresAt > nowMs)) return cached.resolved;
  const resolved = await lookUpToken(db, token, now);
  if (tokenCache.size >= tokenCacheSize) tokenCache.delete(tokenCache.keys().next().value!);
  if (resolved) tokenCache.set(token, { resolved: resolved.actor, until: nowMs + tokenCacheMs, expiresAt: resolved.expiresAt });
  else tokenCache.delete(token);
  return resolved?.actor ?? null;
}

async function lookUpToken(db: DatabaseHandle, token: string, now: Date): Promise<{ actor: ResolvedActor; expiresAt: number | null } | null> {
  const match = /^tsn_([a-z0-9]{12})_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, workspaceId, id, secret] = match as unknown as [string, string, string, string];
  const row = await db.db.selectFrom('api_tokens').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now) || !sameHash(row.secret_hash, sha256(secret))) return null;
  // Written at most once a minute, so a busy token does not turn every read into a write.
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
    await db.db.updateTable('api_tokens').set({ last_used_at: now }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
  }
  return { actor: { workspaceId, actor: { type: 'token', id, name: `token ${row.name}`, role: row.role } }, expiresAt: row.expires_at?.getTime() ?? null };
}

export async function signOut(db: DatabaseHandle, resolved: ResolvedActor): Promise<void> {
  if (!resolved.sessionId) return;
  await db.db.deleteFrom('sessions').where('workspace_id', '=', resolved.workspaceId).where('id', '=', resolved.sessionId).execute();
}
