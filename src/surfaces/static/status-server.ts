import { Hono } from 'hono';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import path from 'node:path';

/** Types the file server's table lacks: without them feeds go out as application/octet-stream. */
const feedTypes: Record<string, string> = { '.atom': 'application/atom+xml; charset=utf-8', '.rss': 'application/rss+xml; charset=utf-8' };

export interface StaticMount {
  /** URL prefix without trailing slash; '' for the origin root. */
  prefix: string;
  folder: string;
}

/**
 * A plain static file server for published status pages, as nginx or a bucket would serve them:
 * GET and HEAD, `/incidents/<id>` finds `incidents/<id>.html`, CORS on `api/v2/` for browser
 * widgets, a doubled slash tolerated, dotfiles never served. It reads only the folders: Tocsin's
 * database can be down and the page still answers.
 */
export function statusPageApp(mounts: StaticMount[]): Hono {
  // A doubled slash (`//api/v2/…`, from clients joining a URL ending in /) routes like a single one.
  const app = new Hono({ getPath: (request) => new URL(request.url).pathname.replace(/\/{2,}/g, '/') });
  app.use('*', async (c, next) => {
    if (c.req.path.split('/').some((segment) => segment.startsWith('.'))) return c.text('Not found', 404);
    await next();
    const feedType = feedTypes[path.extname(c.req.path)];
    if (feedType && c.res.status === 200) c.header('Content-Type', feedType);
    if (/\/api\/v2\//.test(c.req.path)) {
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
    }
    c.header('X-Content-Type-Options', 'nosniff');
  });
  app.options('*', (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
    c.header('Access-Control-Allow-Headers', 'Content-Type');
    return c.body(null, 204);
  });
  // Longest prefix first, so /statut/… is not taken by the root page.
  for (const mount of [...mounts].sort((a, b) => b.prefix.length - a.prefix.length)) {
    const root = path.resolve(mount.folder);
    const strip = (requestPath: string) => {
      const inner = requestPath.slice(mount.prefix.length) || '/';
      return inner.endsWith('/') ? `${inner}index.html` : inner;
    };
    const matches = `${mount.prefix}/*`;
    app.use(matches, serveStatic({ root, rewriteRequestPath: strip }));
    app.use(matches, serveStatic({ root, rewriteRequestPath: (p) => `${strip(p)}.html` }));
  }
  app.notFound((c) => c.text('Not found', 404));
  return app;
}

export function startStatusServer(mounts: StaticMount[], options: { port: number; hostname: string }): Promise<ServerType> {
  const app = statusPageApp(mounts);
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname }, () => resolve(server));
  });
}
