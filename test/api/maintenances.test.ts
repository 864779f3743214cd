import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { createComponent } from '../../src/services/component/create-component.ts';
import { createWorkspace } from '../../src/services/workspace/create-workspace.ts';
import { createToken } from '../../src/services/access/create-token.ts';
import { scheduleMaintenance } from '../../src/services/maintenance/schedule-maintenance.ts';

describe('maintenances through the admin API', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(async () => h?.close());

  async function component(name: string): Promise<string> {
    return (await createComponent({ ctx: h.systemCtx(), input: { name } })).id;
  }

  function windowFromNow(startMinutes: number, endMinutes: number) {
    const now = h.clock.now().getTime();
    return {
      scheduled_for: new Date(now + startMinutes * 60_000).toISOString(),
      scheduled_until: new Date(now + endMinutes * 60_000).toISOString(),
    };
  }

  /** A second workspace in the same database, with an owner token. */
  async function otherWorkspace(slug: string) {
    const workspace = await createWorkspace({ db: h.db, input: { slug, name: slug }, now: h.clock.now() });
    const ctx = { ...h.systemCtx(), workspaceId: workspace.id };
    const { token } = await createToken({ ctx, input: { name: 'owner token', role: 'owner' } });
    return { ctx, token };
  }

  async function maintenanceRows(): Promise<number> {
    const { rows } = await h.db.executeSql('select count(*)::int as n from maintenances');
    return rows[0].n;
  }

  async function advanceJobs(): Promise<number> {
    const { rows } = await h.db.executeSql(`select count(*)::int as n from pgboss.job where name = 'maintenance.advance'`);
    return rows[0].n;
  }

  it('schedules a maintenance with its first update, components and the Statuspage fields', async () => {
    const database = await component('Database');
    const api = await component('API');
    const res = await h.request('POST', '/api/admin/maintenances', {
      body: { name: 'Database upgrade', ...windowFromNow(60, 180), component_ids: [database, api, database], body: 'We will upgrade the database to PostgreSQL 17.' },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.headers.get('etag'), '"1"');
    assert.equal(res.body.status, 'scheduled');
    assert.equal(res.body.impact, 'maintenance');
    assert.equal(res.body.auto_start, true);
    assert.equal(res.body.auto_complete, true);
    assert.equal(res.body.started_at, null);
    assert.deepEqual(res.body.component_ids, [database, api].sort());
    assert.equal(res.body.updates.length, 1);
    assert.equal(res.body.updates[0].author.type, 'token');
    assert.match(res.body.updates[0].author.name, /owner token/);
    assert.equal(res.body.updates[0].body, 'We will upgrade the database to PostgreSQL 17.');
    assert.ok(!('workspace_id' in res.body), 'the internal row never leaks');
    const fetched = await h.request('GET', `/api/admin/maintenances/${res.body.id}`, { token: h.tokens.viewer });
    assert.equal(fetched.status, 200);
    assert.equal(fetched.headers.get('etag'), '"1"');
    assert.deepEqual(fetched.body, res.body);
  });

  it('lets a communications lead schedule a maintenance', async () => {
    const res = await h.request('POST', '/api/admin/maintenances', {
      token: h.tokens.comms_lead,
      body: { name: 'Certificate rotation', ...windowFromNow(30, 45), body: 'Certificates will be rotated.' },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.match(res.body.updates[0].author.name, /comms_lead token/);
  });

  it('refuses a viewer with 403 and writes nothing: no maintenance, no job, no audit row', async () => {
    const [rowsBefore, jobsBefore] = [await maintenanceRows(), await advanceJobs()];
    const res = await h.request('POST', '/api/admin/maintenances', {
      token: h.tokens.viewer,
      body: { name: 'Sneaky', ...windowFromNow(10, 20), body: 'Not allowed.' },
    });
    assert.equal(res.status, 403);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    assert.equal(await maintenanceRows(), rowsBefore);
    assert.equal(await advanceJobs(), jobsBefore);
    const audit = await h.request('GET', '/api/admin/audit?action=maintenance.schedule');
    assert.ok(audit.body.entries.every((entry: any) => entry.after?.name !== 'Sneaky'));
  });

  it('refuses a viewer posting an update or editing, and leaves the maintenance as it was', async () => {
    const created = await h.request('POST', '/api/admin/maintenances', { body: { name: 'Storage move', ...windowFromNow(60, 120), body: 'Moving storage.' } });
    const update = await h.request('POST', `/api/admin/maintenances/${created.body.id}/updates`, { token: h.tokens.viewer, body: { status: 'in_progress', body: 'Started.' } });
    assert.equal(update.status, 403);
    const edit = await h.request('PATCH', `/api/admin/maintenances/${created.body.id}`, { token: h.tokens.viewer, body: { name: 'Renamed' } });
    assert.equal(edit.status, 403);
    const now = await h.request('GET', `/api/admin/maintenances/${created.body.id}`);
    assert.deepEqual(now.body, created.body);
  });

  it('rejects a window that ends before it starts with 400 pointing at scheduled_until, and schedules nothing', async () => {
    const rowsBefore = await maintenanceRows();
    const res = await h.request('POST', '/api/admin/maintenances', { body: { name: 'Backwards', ...windowFromNow(60, 30), body: 'Time travel.' } });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    assert.deepEqual(res.body.errors, [{ pointer: '/scheduled_until', detail: 'must be later than scheduled_for' }]);
    const noOffset = await h.request('POST', '/api/admin/maintenances', { body: { name: 'Local time', scheduled_for: '2026-03-10T22:00:00', scheduled_until: '2026-03-11T02:00:00', body: 'x' } });
    assert.equal(noOffset.status, 400);
    assert.deepEqual(noOffset.body.errors.map((e: any) => e.pointer).sort(), ['/scheduled_for', '/scheduled_until']);
    const unknownComponent = await h.request('POST', '/api/admin/maintenances', { body: { name: 'Ghost', ...windowFromNow(10, 20), component_ids: ['zzzzzzzzzzzz'], body: 'x' } });
    assert.equal(unknownComponent.status, 400);
    assert.equal(unknownComponent.body.errors[0].pointer, '/component_ids');
    assert.equal(await maintenanceRows(), rowsBefore);
  });

  it('refuses a stale If-Match with 412 and keeps the first editor’s change', async () => {
    const created = await h.request('POST', '/api/admin/maintenances', { body: { name: 'Network maintenance', ...windowFromNow(60, 120), body: 'Router firmware.' } });
    const etag = created.headers.get('etag')!;
    const first = await h.request('PATCH', `/api/admin/maintenances/${created.body.id}`, { body: { name: 'Router firmware upgrade' }, headers: { 'if-match': etag } });
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('etag'), '"2"');
    const second = await h.request('PATCH', `/api/admin/maintenances/${created.body.id}`, { body: { name: 'Overwritten' }, headers: { 'if-match': etag } });
    assert.equal(second.status, 412);
    assert.equal(second.headers.get('content-type'), 'application/problem+json');
    const now = await h.request('GET', `/api/admin/maintenances/${created.body.id}`);
    assert.equal(now.body.name, 'Router firmware upgrade');
  });

  it('reschedules: a new window re-enqueues its jobs, an invalid one is refused', async () => {
    const created = await h.request('POST', '/api/admin/maintenances', { body: { name: 'Moved', ...windowFromNow(60, 120), body: 'Planned.' } });
    const jobsBefore = await advanceJobs();
    const moved = await h.request('PATCH', `/api/admin/maintenances/${created.body.id}`, { body: windowFromNow(24 * 60, 25 * 60) });
    assert.equal(moved.status, 200);
    assert.equal(moved.body.scheduled_for, windowFromNow(24 * 60, 0).scheduled_for);
    assert.equal(await advanceJobs(), jobsBefore + 2);
    const backwards = await h.request('PATCH', `/api/admin/maintenances/${created.body.id}`, { body: { scheduled_until: windowFromNow(0, 23 * 60).scheduled_until } });
    assert.equal(backwards.status, 400);
    assert.equal(backwards.body.errors[0].pointer, '/scheduled_until');
    const renamed = await h.request('PATCH', `/api/admin/maintenances/${created.body.id}`, { body: { name: 'Moved again' } });
    assert.equal(renamed.status, 200);
    assert.equal(await advanceJobs(), jobsBefore + 2, 'a new name does not reschedule');
  });

  it('starts and completes by hand through updates, moving components under maintenance and back', async () => {
    const cdn = await component('CDN');
    const created = await h.request('POST', '/api/admin/maintenances', { body: { name: 'CDN purge', ...windowFromNow(60, 120), component_ids: [cdn], body: 'Purging caches.' } });
    h.clock.advance(60_000);
    const started = await h.request('POST', `/api/admin/maintenances/${created.body.id}/updates`, { token: h.tokens.incident_lead, body: { status: 'in_progress', body: 'We started early.' } });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    assert.equal(started.body.status, 'in_progress');
    assert.equal(started.body.started_at, h.clock.now().toISOString());
    assert.deepEqual(started.body.updates.map((u: any) => u.status), ['in_progress', 'scheduled']);
    assert.equal((await h.request('GET', `/api/admin/components/${cdn}`)).body.status, 'under_maintenance');
    h.clock.advance(60_000);
    const completed = await h.request('POST', `/api/admin/maintenances/${created.body.id}/updates`, { body: { status: 'completed', body: 'Done.' } });
    assert.equal(completed.body.status, 'completed');
    assert.equal(completed.body.completed_at, h.clock.now().toISOString());
    assert.equal((await h.request('GET', `/api/admin/components/${cdn}`)).body.status, 'operational');
    const reopened = await h.request('POST', `/api/admin/maintenances/${created.body.id}/updates`, { body: { status: 'in_progress', body: 'Again?' } });
    assert.equal(reopened.status, 400);
    assert.match(reopened.body.type, /transition-not-allowed/);
    const history = await h.request('GET', `/api/admin/components/${cdn}/history`);
    assert.deepEqual(history.body.changes.map((c: any) => [c.status, c.maintenance_id]), [
      ['operational', null],
      ['under_maintenance', created.body.id],
      ['operational', created.body.id],
    ]);
  });

  it('answers a retried update with the same Idempotency-Key once, without a second update', async () => {
    const created = await h.request('POST', '/api/admin/maintenances', { body: { name: 'Idempotent', ...windowFromNow(60, 120), body: 'Planned.' } });
    const headers = { 'idempotency-key': `note-${created.body.id}` };
    const first = await h.request('POST', `/api/admin/maintenances/${created.body.id}/updates`, { body: { status: 'scheduled', body: 'Still on.' }, headers });
    const again = await h.request('POST', `/api/admin/maintenances/${created.body.id}/updates`, { body: { status: 'scheduled', body: 'Still on.' }, headers });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, first.body);
    const now = await h.request('GET', `/api/admin/maintenances/${created.body.id}`);
    assert.equal(now.body.updates.length, 2);
  });

  it('lists by filter, newest window first, in keyset pages that neither repeat nor skip', async () => {
    const { token } = await otherWorkspace('listing');
    const ids: string[] = [];
    for (let hour = 1; hour <= 5; hour++) {
      const res = await h.request('POST', '/api/admin/maintenances', { token, body: { name: `M${hour}`, ...windowFromNow(hour * 60, (hour + 1) * 60), body: 'x' } });
      ids.push(res.body.id);
    }
    await h.request('POST', `/api/admin/maintenances/${ids[0]}/updates`, { token, body: { status: 'in_progress', body: 'Started.' } });
    await h.request('POST', `/api/admin/maintenances/${ids[1]}/updates`, { token, body: { status: 'completed', body: 'Called off.' } });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page: any = await h.request('GET', `/api/admin/maintenances${query}`, { token });
      assert.equal(page.status, 200);
      assert.ok(page.body.maintenances.length <= 2);
      seen.push(...page.body.maintenances.map((m: any) => m.name));
      cursor = page.body.next_cursor;
    } while (cursor);
    assert.deepEqual(seen, ['M5', 'M4', 'M3', 'M2', 'M1']);

    const names = async (filter: string) => (await h.request('GET', `/api/admin/maintenances?filter=${filter}`, { token })).body.maintenances.map((m: any) => m.name);
    assert.deepEqual(await names('upcoming'), ['M5', 'M4', 'M3']);
    assert.deepEqual(await names('active'), ['M1']);
    assert.deepEqual(await names('completed'), ['M2']);
    const bad = await h.request('GET', '/api/admin/maintenances?cursor=nonsense', { token });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].pointer, '/cursor');
  });

  it('answers 404 for a maintenance of another workspace and never lists it', async () => {
    const { ctx } = await otherWorkspace('neighbour');
    const theirs = await scheduleMaintenance({ ctx, input: { name: 'Theirs', ...windowFromNow(60, 120), body: 'x' } });
    const res = await h.request('GET', `/api/admin/maintenances/${theirs.id}`);
    assert.equal(res.status, 404);
    const update = await h.request('POST', `/api/admin/maintenances/${theirs.id}/updates`, { body: { status: 'completed', body: 'x' } });
    assert.equal(update.status, 404);
    const list = await h.request('GET', '/api/admin/maintenances?limit=100');
    assert.ok(list.body.maintenances.every((m: any) => m.id !== theirs.id));
  });
});
