import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { compress } from 'hono/compress';
import type { AppEnv } from '../api/env.ts';
import { homePage, preferredLanguage } from './home.ts';

/** Where `npm ci` / `npm start` build the console (scripts/build-console.js). */
export const consoleDir = fileURLToPath(new URL('../../../dist/console', import.meta.url));

/** Paths that belong to the server, never to the console's client-side routes. */
const serverPaths = /^\/(api|healthz|readyz|p|s|subscriptions|assets)(\/|$)/;

/**
 * Serves the console: its hashed assets (cached for a year) and, for every other page a person
 * opens (`/incidents/…`), the app's index.html, which routes on the client. Without a build
 * (an install without dev dependencies), `/` explains where the API is instead.
 */
export function mountConsole(app: OpenAPIHono<AppEnv>, dir = consoleDir): void {
  const indexFile = `${dir}/index.html`;
  let index: string | null = null;
  const shell = () => (index ??= existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : null);

  app.use('/assets/*', compress());
  app.use('/assets/*', serveStatic({ root: dir, onFound: (_path, c) => c.header('cache-control', 'public, max-age=31536000, immutable') }));
  app.get('*', async (c, next) => {
    if (serverPaths.test(c.req.path) || !(c.req.header('accept') ?? '').includes('text/html')) return next();
    const html = shell();
    if (html === null) {
      if (c.req.path !== '/') return next();
      const asked = c.req.query('lang');
      return c.html(homePage(asked === 'fr' || asked === 'en' ? asked : preferredLanguage(c.req.header('accept-language'))));
    }
    c.header('cache-control', 'no-cache');
    return c.html(html);
  });
}
