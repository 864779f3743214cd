import type { OpenAPIHono } from '@hono/zod-openapi';
import { getCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import path from 'node:path';
import { findPrivatePage, grantPageAccess, mayReadPrivatePage } from '../../../services/status-page/page-access.ts';
import { isTocsinError } from '../../../domain/errors.ts';
import { pageAccessForm } from '../../console/page-access.ts';
import { statusPageApp } from '../../static/status-server.ts';
import { sessionCookie } from '../auth.ts';
import type { AppEnv } from '../env.ts';

const grantCookie = (pageId: string) => `tocsin_page_${pageId}`;

/**
 * Private status pages, served by Tocsin at /p/<workspace>/<page>/ from its own published folder,
 * to whoever may read them; everyone else gets the page's door (a password form).
 */
export function registerPrivatePageRoutes(app: OpenAPIHono<AppEnv>) {
  app.post('/p/:workspace/:page/_access', async (c) => {
    const { deps } = c.var;
    const page = await findPrivatePage(deps.db, c.req.param('workspace'), c.req.param('page'));
    if (!page) return c.text('Not found', 404);
    const base = `/p/${page.workspaceSlug}/${page.pageSlug}`;
    const form = await c.req.parseBody();
    let address = 'unknown';
    try {
      address = getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      // Not on a socket (tests through app.request): one bucket for all.
    }
    try {
      const { grant, maxAgeSeconds } = await grantPageAccess(deps.db, page, String(form.password ?? ''), address, deps.now());
      setCookie(c, grantCookie(page.pageId), grant, { httpOnly: true, sameSite: 'Lax', path: base, secure: deps.secureCookies, maxAge: maxAgeSeconds });
      return c.redirect(`${base}/`, 303);
    } catch (error) {
      if (!isTocsinError(error) || (error.code !== 'unauthorized' && error.code !== 'limit_exceeded')) throw error;
      c.header('Cache-Control', 'no-store');
      return c.html(pageAccessForm({ language: page.language, pageName: page.name, action: `${base}/_access`, hasPassword: page.hasPassword, failed: true }), error.code === 'limit_exceeded' ? 429 : 401);
    }
  });

  app.on(['GET', 'HEAD'], '/p/:workspace/:page/*', async (c) => {
    const { deps } = c.var;
    const page = await findPrivatePage(deps.db, c.req.param('workspace'), c.req.param('page'));
    if (!page) return c.text('Not found', 404);
    const base = `/p/${page.workspaceSlug}/${page.pageSlug}`;
    c.header('Cache-Control', 'private, no-store');
    c.header('X-Robots-Tag', 'noindex');
    const allowed = await mayReadPrivatePage(deps.db, page, { grant: getCookie(c, grantCookie(page.pageId)), session: getCookie(c, sessionCookie) }, deps.now());
    if (!allowed) return c.html(pageAccessForm({ language: page.language, pageName: page.name, action: `${base}/_access`, hasPassword: page.hasPassword, failed: false }), 401);
    const files = statusPageApp([{ prefix: base, folder: path.join(deps.siteDir, page.workspaceSlug, page.pageSlug) }]);
    const response = await files.fetch(c.req.raw);
    const headers = new Headers(response.headers);
    headers.set('Cache-Control', 'private, no-store');
    headers.set('X-Robots-Tag', 'noindex');
    return new Response(response.body, { status: response.status, headers });
  });
  app.get('/p/:workspace/:page', (c) => c.redirect(`/p/${c.req.param('workspace')}/${c.req.param('page')}/`, 301));
}
