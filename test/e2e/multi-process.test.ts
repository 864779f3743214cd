import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, testEngine } from '../helpers/db.ts';
import { listeningPort, startTocsin, type TocsinProcess } from '../helpers/process.ts';
import { createWorkspace } from '../../src/services/workspace/create-workspace.ts';
import { createToken } from '../../src/services/access/create-token.ts';
import { startQueue } from '../../src/adapters/queue/queue.ts';
import type { DatabaseHandle } from '../../src/adapters/db/connect.ts';

describe('stateless app processes sharing one PostgreSQL', { skip: testEngine !== 'postgres' && 'needs DATABASE_URL' }, () => {
  let db: DatabaseHandle & { url?: string };
  let token: string;
  const processes: TocsinProcess[] = [];
  let ports: number[] = [];

  before(async () => {
    db = await openTestDatabase();
    const queue = await startQueue(db, { runsJobs: false });
    const workspace = await createWorkspace({ db, input: { slug: 'multi', name: 'Multi' }, now: new Date() });
    token = (await createToken({ ctx: { workspaceId: workspace.id, actor: { type: 'system', name: 'test' }, db, queue, now: () => new Date() }, input: { name: 'ops', role: 'owner' } })).token;
    await queue.stop();
    const env = { DATABASE_URL: db.url, PORT: '0', TOCSIN_DATA_DIR: '/nonexistent-tocsin-data' };
    processes.push(startTocsin(['serve', '--no-worker'], env), startTocsin(['serve', '--no-worker'], env), startTocsin(['worker'], env));
    ports = await Promise.all(processes.slice(0, 2).map(listeningPort));
    await processes[2]!.waitFor(/worker started/);
  });
  after(async () => {
    await Promise.all(processes.map((proc) => proc.stop()));
    await db?.close();
  });

  const call = async (port: number, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: res.status === 204 ? null : await res.json() };
  };

  it('shows an edit made through one process to a reader of the other', async () => {
    const [a, b] = ports as [number, number];
    const created = await call(a, 'POST', '/api/admin/components', { name: 'Edge network' });
    assert.equal(created.status, 201);
    const updated = await call(a, 'PATCH', `/api/admin/components/${created.body.id}`, { status: 'major_outage' });
    assert.equal(updated.status, 200);
    const seen = await call(b, 'GET', `/api/admin/components/${created.body.id}`);
    assert.equal(seen.body.status, 'major_outage');
  });

  it('refuses a stale edit through the other process with 412', async () => {
    const [a, b] = ports as [number, number];
    const created = await call(a, 'POST', '/api/admin/components', { name: 'Mail relay' });
    const etag = created.headers.get('etag')!;
    assert.equal((await call(a, 'PATCH', `/api/admin/components/${created.body.id}`, { description: 'first' }, { 'if-match': etag })).status, 200);
    const stale = await call(b, 'PATCH', `/api/admin/components/${created.body.id}`, { description: 'second' }, { 'if-match': etag });
    assert.equal(stale.status, 412);
    assert.equal((await call(b, 'GET', `/api/admin/components/${created.body.id}`)).body.description, 'first');
  });

  it('lets the worker process start a maintenance that an API process scheduled, seen by the other', async () => {
    const [a, b] = ports as [number, number];
    const component = await call(a, 'POST', '/api/admin/components', { name: 'Core routers' });
    const now = Date.now();
    const scheduled = await call(a, 'POST', '/api/admin/maintenances', {
      name: 'Router upgrade',
      scheduled_for: new Date(now - 1_000).toISOString(),
      scheduled_until: new Date(now + 3_600_000).toISOString(),
      component_ids: [component.body.id],
      body: 'We upgrade the core routers.',
    });
    assert.equal(scheduled.status, 201, JSON.stringify(scheduled.body));
    // The worker says when it moved the maintenance on; wait for that line, not for a time.
    await processes[2]!.waitFor(new RegExp(`"maintenanceId":"${scheduled.body.id}".*maintenance advanced`), 20_000);
    assert.equal((await call(b, 'GET', `/api/admin/maintenances/${scheduled.body.id}`)).body.status, 'in_progress');
    assert.equal((await call(b, 'GET', `/api/admin/components/${component.body.id}`)).body.status, 'under_maintenance');
  });

  it('stops cleanly on SIGTERM', async () => {
    const extra = startTocsin(['serve', '--no-worker'], { DATABASE_URL: db.url, PORT: '0' });
    await listeningPort(extra);
    assert.equal(await extra.stop(), 0);
    assert.ok(extra.output.some((line) => /shutting down/.test(line)));
  });
});
