import { verify } from '@node-rs/argon2';
import type { DatabaseHandle } from '../../adapters/db/connect.ts';
import { UnauthorizedError } from '../../domain/errors.ts';
import { newSecret } from '../../domain/ids.ts';
import { hitRateLimit } from '../access/rate-limit.ts';
import { resolveSession } from '../access/resolve-actor.ts';
import { sha256 } from '../../domain/secrets.ts';

const grantDays = 30;

export interface PrivatePage {
  workspaceId: string;
  workspaceSlug: string;
  pageId: string;
  pageSlug: string;
  name: string;
  language: 'fr' | 'en';
  hasPassword: boolean;
  allowedEmailDomains: string[];
}

/** A private page by its workspace and page slugs; public pages are not Tocsin's to serve. */
export async function findPrivatePage(db: DatabaseHandle, workspaceSlug: string, pageSlug: string): Promise<PrivatePage | undefined> {
  const row = await db.db
    .selectFrom('status_pages')
    .innerJoin('workspaces', 'workspaces.id', 'status_pages.workspace_id')
    .select(['status_pages.workspace_id', 'status_pages.id', 'status_pages.slug', 'status_pages.name', 'status_pages.language', 'status_pages.access_password_hash', 'status_pages.allowed_email_domains', 'workspaces.slug as workspace_slug'])
    .where('workspaces.slug', '=', workspaceSlug)
    .where('status_pages.slug', '=', pageSlug)
    .where('status_pages.visibility', '=', 'private')
    .executeTakeFirst();
  return (
    row && {
      workspaceId: row.workspace_id,
      workspaceSlug: row.workspace_slug,
      pageId: row.id,
      pageSlug: row.slug,
      name: row.name,
      language: row.language,
      hasPassword: row.access_password_hash !== null,
      allowedEmailDomains: row.allowed_email_domains,
    }
  );
}

/**
 * Whether a visitor may read a private page: with a grant from its password, as a member of the
 * workspace signed in to Tocsin, or signed in with an e-mail of a domain the page allows.
 */
export async function mayReadPrivatePage(db: DatabaseHandle, page: PrivatePage, credentials: { grant?: string; session?: string }, now: Date): Promise<boolean> {
  if (credentials.grant) {
    const row = await db.db
      .selectFrom('page_access_grants')
      .select(['page_id', 'expires_at', 'id'])
      .where('workspace_id', '=', page.workspaceId)
      .where('id', '=', sha256(credentials.grant))
      .executeTakeFirst();
    if (row && row.page_id === page.pageId && row.expires_at > now) return true;
  }
  if (credentials.session) {
    const [sessionWorkspace] = credentials.session.split('.', 1);
    const resolved = sessionWorkspace ? await resolveSession(db, credentials.session, now) : null;
    if (resolved) {
      if (resolved.workspaceId === page.workspaceId) return true;
      const user = await db.db.selectFrom('users').select('email').where('id', '=', resolved.actor.id).executeTakeFirst();
      const domain = user?.email.split('@')[1];
      if (domain && page.allowedEmailDomains.includes(domain)) return true;
    }
  }
  return false;
}

/** Checks the page's password and grants the visitor access for 30 days; attempts are limited. */
export async function grantPageAccess(db: DatabaseHandle, page: PrivatePage, password: string, clientAddress: string, now: Date): Promise<{ grant: string; maxAgeSeconds: number }> {
  await hitRateLimit(db, `page-access:${page.pageId}:${clientAddress}`, 10, 15 * 60, now);
  const row = await db.db.selectFrom('status_pages').select('access_password_hash').where('workspace_id', '=', page.workspaceId).where('id', '=', page.pageId).executeTakeFirst();
  const valid = row?.access_password_hash ? await verify(row.access_password_hash, password).catch(() => false) : false;
  if (!valid) throw new UnauthorizedError('This password does not open the page.');
  const grant = newSecret();
  await db.db
    .insertInto('page_access_grants')
    .values({ workspace_id: page.workspaceId, id: sha256(grant), page_id: page.pageId, created_at: now, expires_at: new Date(now.getTime() + grantDays * 86_400_000) })
    .execute();
  return { grant, maxAgeSeconds: grantDays * 86_400 };
}

