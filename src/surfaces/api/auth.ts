import { createMiddleware } from 'hono/factory';
import { getCookie } from 'hono/cookie';
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { can, type Permission } from '../../domain/access/roles.ts';
import { ForbiddenError, TocsinError, UnauthorizedError } from '../../domain/errors.ts';
import { resolveSession, resolveToken } from '../../services/access/resolve-actor.ts';
import type { Ctx } from '../../services/context.ts';
import { drillTime } from '../../domain/drills/clock.ts';
import { sandboxClock } from '../../services/drills/sandbox-clock.ts';
import type { DatabaseHandle } from '../../adapters/db/connect.ts';
import type { AppEnv } from './env.ts';

export const sessionCookie = 'tocsin_session';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Resolves the caller from a bearer token or a session cookie; answers 401 when there is none. */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const { db, now } = c.var.deps;
  const authorization = c.req.header('authorization');
  let resolved = null;
  if (authorization) {
    const [scheme, token] = authorization.split(' ', 2);
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new UnauthorizedError('The Authorization header must be "Bearer <token>".');
    resolved = await resolveToken(db, token.trim(), now());
    if (!resolved) throw new UnauthorizedError('This API token is unknown, revoked or expired.');
  } else {
    const cookie = getCookie(c, sessionCookie);
    if (cookie) resolved = await resolveSession(db, cookie, now());
    if (!resolved) throw new UnauthorizedError();
    // Cookies ride along on cross-site requests; the CSRF token in a header cannot.
    if (unsafeMethods.has(c.req.method) && c.req.header('x-csrf-token') !== resolved.csrfToken) {
      throw new TocsinError('forbidden', 'csrf-token-missing', 'This request needs the X-CSRF-Token header given at sign-in.');
    }
  }
  c.set('auth', resolved);
  await applyDrillClock(c, db, resolved.workspaceId, now);
  await next();
});

/** Drill time for the requests of a sandbox workspace, read once per request; real time elsewhere. */
const drillClocks = new WeakMap<Request, () => Date>();
/**
 * Workspaces known not to be sandboxes. A sandbox gets its drill row in the transaction that
 * creates it, before anyone can sign in to it, so "not a sandbox" never changes for a workspace.
 */
const realWorkspaces = new WeakMap<DatabaseHandle, Set<string>>();

async function applyDrillClock(c: Context<AppEnv>, db: DatabaseHandle, workspaceId: string, now: () => Date): Promise<void> {
  let known = realWorkspaces.get(db);
  if (!known) realWorkspaces.set(db, (known = new Set()));
  if (known.has(workspaceId)) return;
  const drill = await sandboxClock(db, workspaceId);
  if (!drill) {
    if (known.size > 10_000) known.clear();
    known.add(workspaceId);
    return;
  }
  const drillNow = () => drillTime(drill.clock, now());
  drillClocks.set(c.req.raw, drillNow);
  // The console counts down at the drill's speed.
  c.header('X-Server-Time', drillNow().toISOString());
  if (drill.state === 'finished' && unsafeMethods.has(c.req.method) && !c.req.path.endsWith('/drills/leave') && c.req.path !== '/api/session') {
    throw new TocsinError('conflict', 'drill-finished', 'This drill is over: its sandbox is kept for the after-action report and takes no more changes.');
  }
}

/** The one authorization mechanism: every admin route names its permission, checked here and shown in OpenAPI. */
export function adminRoute<R extends Omit<RouteConfig, 'middleware'>>(permission: Permission, config: R) {
  const requirePermission = createMiddleware<AppEnv>(async (c, next) => {
    const { actor } = c.var.auth;
    if (!can(actor.role, permission)) throw new ForbiddenError(permission, actor.role);
    await next();
  });
  return createRoute({
    ...config,
    security: [{ bearer: [] as string[] }, { session: [] as string[] }] as Array<Record<string, string[]>>,
    'x-tocsin-permission': permission,
    middleware: [requirePermission] as const,
  });
}

export function ctxOf(c: Context<AppEnv>): Ctx {
  const { deps, auth, requestId } = c.var;
  return { workspaceId: auth.workspaceId, actor: auth.actor, db: deps.db, queue: deps.queue, now: drillClocks.get(c.req.raw) ?? deps.now, requestId };
}
