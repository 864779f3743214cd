import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { HTTPException } from 'hono/http-exception';
import { randomUUID } from 'node:crypto';
import { toInvalidError } from '../../services/schemas.ts';
import { TocsinError } from '../../domain/errors.ts';
import { authenticate } from './auth.ts';
import type { ApiDeps, AppEnv } from './env.ts';
import { httpProblem, toProblem } from './problem.ts';
import { docsPage } from './docs.ts';
import { mountConsole } from '../console/serve-console.ts';
import { registerRoutes } from './routes/index.ts';
import { isStreamedUpload } from './routes/subscriptions.ts';

export const maxBodyBytes = 1_048_576;

export function createApp(deps: ApiDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw toInvalidError(result.error);
    },
  });

  app.use('*', async (c, next) => {
    const requestId = randomUUID();
    c.set('requestId', requestId);
    c.set('deps', deps);
    c.header('X-Request-Id', requestId);
    // The console counts down against the server's clock, not the reader's laptop.
    c.header('X-Server-Time', deps.now().toISOString());
    const started = performance.now();
    await next();
    deps.logger.info({ requestId, method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
      },
      xFrameOptions: 'DENY',
      xContentTypeOptions: 'nosniff',
      referrerPolicy: 'same-origin',
    }),
  );
  const limitBody = bodyLimit({
    maxSize: maxBodyBytes,
    onError: () => {
      throw new TocsinError('limit_exceeded', 'body-too-large', `The request body is larger than ${maxBodyBytes / 1_048_576} MB.`);
    },
  });
  // A subscriber import streams its CSV to the route, which stops it past its own, larger limit.
  app.use('/api/*', (c, next) => (isStreamedUpload(c.req.path) ? next() : limitBody(c, next)));
  app.use('/api/admin/*', authenticate);

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    if (!deps.isReady()) return c.json({ status: 'shutting_down' }, 503);
    try {
      await deps.db.executeSql('select 1');
      return c.json({ status: 'ready', database: deps.db.kind });
    } catch {
      return c.json({ status: 'database_unreachable', database: deps.db.kind }, 503);
    }
  });

  registerRoutes(app);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'An API token: `tocsin token create`.' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'tocsin_session', description: 'A console session; unsafe methods also need `X-CSRF-Token`.' });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Tocsin admin API',
      version: '1',
      description: 'Incidents, components, maintenances, people and tokens of one workspace. Errors are RFC 9457 problem+json; edits take If-Match; creating POSTs take Idempotency-Key.',
    },
  });
  mountConsole(app, deps.consoleDir);
  app.get('/api/docs', (c) => c.html(docsPage(app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Tocsin admin API', version: '1' } }) as never)));

  app.notFound((c) => c.json(httpProblem(404, 'route-not-found', 'Not found', `No route for ${c.req.method} ${c.req.path}.`, c.var.requestId), 404, { 'content-type': 'application/problem+json' }));

  app.onError((error, c) => {
    const requestId = c.var.requestId ?? randomUUID();
    const mapped = error instanceof HTTPException ? fromHttpException(error) : error;
    const { problem, headers } = toProblem(mapped, requestId);
    if (problem.status >= 500) deps.logger.error({ requestId, err: error }, 'request failed');
    return c.json(problem, problem.status as 500, { ...headers, 'content-type': 'application/problem+json' });
  });

  return app;
}

/** Hono's own 4xx (malformed JSON, wrong content type) become Tocsin errors with a clear detail. */
function fromHttpException(error: HTTPException): Error {
  if (error.status === 400) {
    return new TocsinError('invalid', 'malformed-body', `The request body could not be read: ${error.message}. Send JSON with Content-Type: application/json.`);
  }
  if (error.status === 413) return new TocsinError('limit_exceeded', 'body-too-large', error.message);
  return error;
}
