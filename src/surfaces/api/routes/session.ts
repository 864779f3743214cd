import { z } from 'zod';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { SignInInput, signIn } from '../../../services/access/sign-in.ts';
import { resolveSession, signOut } from '../../../services/access/resolve-actor.ts';
import { authenticate, sessionCookie } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { jsonBody, ok } from '../http.ts';
import { getCookie } from 'hono/cookie';
import { currentDrill } from '../../../services/drills/current-drill.ts';

const tags = ['Session'];
const SessionInfo = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), locale: z.string() }),
  workspace: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  role: z.string(),
  csrf_token: z.string(),
});

function clientAddress(c: Parameters<typeof getConnInfo>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function registerSessionRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'post', path: '/api/session', tags, summary: 'Sign in with e-mail and password (sets an httpOnly session cookie)',
      request: jsonBody(SignInInput),
      responses: { 200: ok(SessionInfo, 'Signed in; send csrf_token as X-CSRF-Token on writes'), 401: { description: 'Wrong e-mail or password' }, 429: { description: 'Too many attempts' } },
    }),
    async (c) => {
      const { deps } = c.var;
      const session = await signIn({ db: deps.db, input: c.req.valid('json'), clientAddress: clientAddress(c), now: deps.now() });
      setCookie(c, sessionCookie, session.cookie, { httpOnly: true, sameSite: 'Lax', path: '/', secure: deps.secureCookies, maxAge: session.maxAgeSeconds });
      return c.json({ user: session.user, workspace: session.workspace, role: session.role, csrf_token: session.csrfToken }, 200);
    },
  );
  app.use('/api/session/current', authenticate);
  app.openapi(
    createRoute({
      method: 'get', path: '/api/session/current', tags, summary: 'Who is signed in', security: [{ session: [] }, { bearer: [] }],
      responses: { 200: ok(z.object({ workspace_id: z.string(), actor: z.object({ type: z.string(), id: z.string(), name: z.string(), role: z.string() }), csrf_token: z.string().nullable(), drill: z.unknown().nullable().describe('Set when the workspace is a drill\'s sandbox: the drill, its clock and the real workspace') }), 'The caller'), 401: { description: 'Not signed in' } },
    }),
    async (c) => c.json({ workspace_id: c.var.auth.workspaceId, actor: c.var.auth.actor, csrf_token: c.var.auth.csrfToken ?? null, drill: await currentDrill(c.var.deps.db, c.var.auth.workspaceId, c.var.deps.now()) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'delete', path: '/api/session', tags, summary: 'Sign out',
      responses: { 204: { description: 'Signed out (also when no session was open)' } },
    }),
    async (c) => {
      const cookie = getCookie(c, sessionCookie);
      const resolved = cookie ? await resolveSession(c.var.deps.db, cookie, c.var.deps.now()) : null;
      if (resolved) await signOut(c.var.deps.db, resolved);
      deleteCookie(c, sessionCookie, { path: '/' });
      return c.body(null, 204);
    },
  );
}
