// The server side of bench/api: Tocsin's app and a bare Hono route on the same database, in one
// process the bench drives over HTTP. Prints one JSON line with what the bench needs.
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { Writable } from 'node:stream';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/adapters/db/connect.ts';
import { migrate } from '../../src/adapters/db/migrate.ts';
import { startQueue } from '../../src/adapters/queue/queue.ts';
import { createApp } from '../../src/surfaces/api/app.ts';
import { createLogger } from '../../src/logger.ts';
import { createWorkspace } from '../../src/services/workspace/create-workspace.ts';
import { createToken } from '../../src/services/access/create-token.ts';
import { openIncident } from '../../src/services/incident/open-incident.ts';
import { newId } from '../../src/domain/ids.ts';

const url = process.env.DATABASE_URL;
const db = await openDatabase(url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: null });
await migrate(db);
const queue = await startQueue(db, { runsJobs: false });
const workspace = await createWorkspace({ db, input: { slug: `bench-${newId()}`, name: 'Bench' }, now: new Date() });
const ctx = { workspaceId: workspace.id, actor: { type: 'system' as const, name: 'bench' }, db, queue, now: () => new Date() };
const { token } = await createToken({ ctx, input: { name: 'bench', role: 'owner' } });
const incidentIds: string[] = [];
for (let index = 0; index < 100; index++) {
  incidentIds.push((await openIncident({ ctx, input: { name: `Bench incident ${index}`, impact: 'minor', body: 'Opened for the benchmark.' } })).id);
}

const silent = new Writable({ write: (_chunk, _encoding, callback) => callback() });
const app = createApp({ db, queue, logger: createLogger('warn', silent), now: () => new Date(), secureCookies: false, siteDir: mkdtempSync(path.join(tmpdir(), 'tocsin-bench-site-')), publicUrl: 'http://localhost:3000', isReady: () => true });

// The baseline: the framework alone doing the same writes by hand in one transaction — insert the
// update, move the incident's status, append the audit row — with no validation, auth or derivation.
const bare = new Hono();
bare.post('/bare/incidents/:id/updates', async (c) => {
  const body = await c.req.json<{ status: 'identified'; body: string }>();
  const incidentId = c.req.param('id');
  const now = new Date();
  const row = await db.transaction(async (tx) => {
    const update = await tx
      .insertInto('incident_updates')
      .values({ workspace_id: workspace.id, id: newId(), incident_id: incidentId, status: body.status, body: body.body, affected_components: null, author_type: 'system', author_id: null, author_name: 'bench', created_at: now, published_at: now, display_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx.updateTable('incidents').set((eb) => ({ status: body.status, updated_at: now, version: eb('version', '+', 1) })).where('workspace_id', '=', workspace.id).where('id', '=', incidentId).execute();
    await tx.insertInto('audit_log').values({ workspace_id: workspace.id, actor_type: 'system', actor_id: null, actor_name: 'bench', action: 'incident.add_update', entity_type: 'incident', entity_id: incidentId, before: null, after: JSON.stringify(update), request_id: null }).execute();
    return update;
  });
  return c.json(row, 201);
});
bare.get('/bare/memory', (c) => c.json(process.memoryUsage()));

const listen = (fetch: typeof app.fetch) =>
  new Promise<ReturnType<typeof serve>>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(server));
  });
const apiServer = await listen(app.fetch);
const bareServer = await listen(bare.fetch);
const port = (server: typeof apiServer) => (server.address() as { port: number }).port;
process.stdout.write(`${JSON.stringify({ apiPort: port(apiServer), barePort: port(bareServer), token, incidentIds, engine: db.kind })}\n`);
process.on('SIGTERM', async () => {
  apiServer.close();
  bareServer.close();
  await queue.stop();
  await db.close();
  process.exit(0);
});
