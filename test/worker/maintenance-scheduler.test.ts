import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { startQueue, type JobName, type Queue } from '../../src/adapters/queue/queue.ts';
import type { ComponentStatus } from '../../src/domain/component/status.ts';
import type { Ctx } from '../../src/services/context.ts';
import { createComponent } from '../../src/services/component/create-component.ts';
import { updateComponent } from '../../src/services/component/update-component.ts';
import { createWorkspace } from '../../src/services/workspace/create-workspace.ts';
import { scheduleMaintenance, type ScheduleMaintenanceInput } from '../../src/services/maintenance/schedule-maintenance.ts';
import { addMaintenanceUpdate } from '../../src/services/maintenance/add-maintenance-update.ts';
import { cancelMaintenance } from '../../src/services/maintenance/cancel-maintenance.ts';
import { getMaintenance } from '../../src/services/maintenance/get-maintenance.ts';
import { advanceMaintenances } from '../../src/services/maintenance/advance-maintenances.ts';
import { maintenanceAdvance } from '../../src/surfaces/worker/maintenance-advance.ts';

const minute = 60_000;

describe('the maintenance scheduler', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(async () => h?.close());

  async function component(name: string, ctx: Ctx = h.systemCtx()): Promise<string> {
    return (await createComponent({ ctx, input: { name } })).id;
  }

  /** A maintenance one hour from the clock, lasting two hours. */
  async function schedule(input: Partial<ScheduleMaintenanceInput> = {}, ctx: Ctx = h.ctxAs('comms_lead')) {
    const now = h.clock.now().getTime();
    const maintenance = await scheduleMaintenance({
      ctx,
      input: {
        name: 'Database upgrade',
        scheduled_for: new Date(now + 60 * minute).toISOString(),
        scheduled_until: new Date(now + 180 * minute).toISOString(),
        body: 'We will upgrade the database.',
        ...input,
      },
    });
    return { ...maintenance, startsAt: new Date(maintenance.scheduled_for), endsAt: new Date(maintenance.scheduled_until) };
  }

  /** Runs the scheduler as the worker would at `at`, with the clock there too. */
  async function advanceAt(at: Date) {
    h.clock.set(at);
    const result = await advanceMaintenances({ db: h.db, queue: h.queue, now: at });
    assert.deepEqual(result.failed, []);
    return result;
  }

  const get = (id: string, ctx: Ctx = h.systemCtx()) => getMaintenance({ ctx, id });
  const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

  async function componentStatus(id: string): Promise<ComponentStatus> {
    return (await h.db.db.selectFrom('components').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
  }

  async function changesBy(maintenanceId: string) {
    return h.db.db
      .selectFrom('component_status_changes')
      .select(['component_id', 'status', 'previous_status', 'changed_at'])
      .where('maintenance_id', '=', maintenanceId)
      .orderBy('changed_at')
      .orderBy('id')
      .execute();
  }

  it('a maintenance starts on its own at scheduled_for and puts its components under maintenance', async () => {
    const database = await component('Database');
    const m = await schedule({ component_ids: [database] });

    await advanceAt(plus(m.startsAt, -1));
    assert.equal((await get(m.id)).status, 'scheduled');
    assert.equal(await componentStatus(database), 'operational');

    const result = await advanceAt(m.startsAt);
    assert.deepEqual(result.advanced.filter((a) => a.maintenanceId === m.id).map((a) => a.steps), [['in_progress']]);
    const started = await get(m.id);
    assert.equal(started.status, 'in_progress');
    assert.equal(started.started_at, m.scheduled_for);
    assert.deepEqual(started.updates.map((u) => [u.status, u.body, u.author.type]), [
      ['in_progress', 'The scheduled maintenance has started.', 'system'],
      ['scheduled', 'We will upgrade the database.', 'user'],
    ]);
    assert.equal(await componentStatus(database), 'under_maintenance');
    assert.deepEqual((await changesBy(m.id)).map((c) => [c.component_id, c.previous_status, c.status]), [[database, 'operational', 'under_maintenance']]);
  });

  it('it completes at scheduled_until and returns them to operational', async () => {
    const [api, web] = [await component('API'), await component('Website')];
    const m = await schedule({ component_ids: [api, web] });
    await advanceAt(m.startsAt);
    await advanceAt(plus(m.endsAt, -1));
    assert.equal((await get(m.id)).status, 'in_progress');

    await advanceAt(m.endsAt);
    const completed = await get(m.id);
    assert.equal(completed.status, 'completed');
    assert.equal(completed.completed_at, m.scheduled_until);
    assert.equal(completed.updates[0]!.body, 'The scheduled maintenance is complete.');
    assert.equal(await componentStatus(api), 'operational');
    assert.equal(await componentStatus(web), 'operational');

    await advanceAt(plus(m.endsAt, 60 * minute));
    assert.equal((await get(m.id)).updates.length, 3, 'running it again changes nothing');
  });

  it('a component taken down by an incident during the maintenance stays down after it completes', async () => {
    const [storage, queue] = [await component('Object storage'), await component('Queue')];
    const m = await schedule({ component_ids: [storage, queue] });
    await advanceAt(m.startsAt);
    h.clock.set(plus(m.startsAt, 30 * minute));
    await updateComponent({ ctx: h.ctxAs('incident_lead'), id: storage, input: { status: 'major_outage' } });

    await advanceAt(m.endsAt);
    assert.equal((await get(m.id)).status, 'completed');
    assert.equal(await componentStatus(storage), 'major_outage');
    assert.equal(await componentStatus(queue), 'operational');
  });

  it('a component already in an outage is not masked as under maintenance when the work starts', async () => {
    const dns = await component('DNS');
    await updateComponent({ ctx: h.ctxAs('incident_lead'), id: dns, input: { status: 'partial_outage' } });
    const m = await schedule({ component_ids: [dns] });
    await advanceAt(m.startsAt);
    assert.equal(await componentStatus(dns), 'partial_outage');
    await advanceAt(m.endsAt);
    assert.equal(await componentStatus(dns), 'partial_outage');
    assert.deepEqual(await changesBy(m.id), []);
  });

  it('a worker that was down through the whole window catches up: start then completion, in order', async () => {
    const billing = await component('Billing');
    const m = await schedule({ component_ids: [billing] });

    const result = await advanceAt(plus(m.endsAt, 45 * minute));
    assert.deepEqual(result.advanced.filter((a) => a.maintenanceId === m.id).map((a) => a.steps), [['in_progress', 'completed']]);
    const caughtUp = await get(m.id);
    assert.equal(caughtUp.status, 'completed');
    assert.equal(caughtUp.started_at, m.scheduled_for);
    assert.equal(caughtUp.completed_at, m.scheduled_until);
    assert.deepEqual(caughtUp.updates.map((u) => [u.status, u.display_at]), [
      ['completed', m.scheduled_until],
      ['in_progress', m.scheduled_for],
      ['scheduled', caughtUp.created_at],
    ]);
    assert.deepEqual((await changesBy(m.id)).map((c) => c.status), ['under_maintenance', 'operational']);
    assert.equal(await componentStatus(billing), 'operational');
  });

  it('two schedulers running at once transition it once', async () => {
    const shared = await component('Shared cluster');
    const maintenances = [];
    for (let i = 0; i < 4; i++) maintenances.push(await schedule({ name: `Node ${i}`, component_ids: [shared, await component(`Node ${i}`)] }));
    const at = plus(maintenances[0]!.startsAt, minute);
    h.clock.set(at);

    const results = await Promise.all([0, 1, 2].map(() => advanceMaintenances({ db: h.db, queue: h.queue, now: at })));
    assert.deepEqual(results.flatMap((r) => r.failed), []);
    for (const m of maintenances) {
      const advanced = results.flatMap((r) => r.advanced).filter((a) => a.maintenanceId === m.id);
      assert.deepEqual(advanced.map((a) => a.steps), [['in_progress']], `${m.name} advanced once`);
      const updates = (await get(m.id)).updates.filter((u) => u.status === 'in_progress');
      assert.equal(updates.length, 1, `${m.name}: one start update`);
      const nodeChanges = (await changesBy(m.id)).filter((c) => c.component_id !== shared);
      assert.equal(nodeChanges.length, 1, `${m.name}: one change of its own component`);
    }
    const sharedChanges = (await h.db.db.selectFrom('component_status_changes').select('status').where('component_id', '=', shared).execute()).map((c) => c.status);
    assert.deepEqual(sharedChanges, ['operational', 'under_maintenance']);
  });

  it('a maintenance completed early by hand is not restarted', async () => {
    const search = await component('Search');
    const m = await schedule({ component_ids: [search] });
    await advanceAt(m.startsAt);
    h.clock.set(plus(m.startsAt, 20 * minute));
    await addMaintenanceUpdate({ ctx: h.ctxAs('incident_lead'), id: m.id, input: { status: 'completed', body: 'Finished early.' } });
    assert.equal(await componentStatus(search), 'operational');

    await advanceAt(plus(m.startsAt, 30 * minute));
    await advanceAt(plus(m.endsAt, minute));
    const done = await get(m.id);
    assert.equal(done.status, 'completed');
    assert.deepEqual(done.updates.map((u) => u.status), ['completed', 'in_progress', 'scheduled']);
    assert.equal(await componentStatus(search), 'operational');
  });

  it('a maintenance cancelled before it starts is completed, never started, and its components never touched', async () => {
    const mail = await component('Mail');
    const m = await schedule({ component_ids: [mail] });
    await assert.rejects(cancelMaintenance({ ctx: h.ctxAs('viewer'), id: m.id, input: { body: 'Not mine to call off.' } }), { code: 'forbidden' });
    assert.equal((await get(m.id)).status, 'scheduled');
    await cancelMaintenance({ ctx: h.ctxAs('comms_lead'), id: m.id, input: { body: 'Postponed to next week.' } });
    await advanceAt(plus(m.startsAt, minute));
    await advanceAt(plus(m.endsAt, minute));
    const cancelled = await get(m.id);
    assert.equal(cancelled.status, 'completed');
    assert.equal(cancelled.started_at, null);
    assert.deepEqual(cancelled.updates.map((u) => [u.status, u.body]), [
      ['completed', 'Postponed to next week.'],
      ['scheduled', 'We will upgrade the database.'],
    ]);
    assert.deepEqual(await changesBy(m.id), []);
    await assert.rejects(cancelMaintenance({ ctx: h.systemCtx(), id: m.id, input: { body: 'Again.' } }), { reason: 'maintenance-completed' });
  });

  it('without auto_start or auto_complete it waits for a person at each end', async () => {
    const m = await schedule({ auto_start: false, auto_complete: false });
    await advanceAt(plus(m.startsAt, minute));
    assert.equal((await get(m.id)).status, 'scheduled');
    await addMaintenanceUpdate({ ctx: h.ctxAs('comms_lead'), id: m.id, input: { status: 'in_progress', body: 'Started by hand.' } });
    await advanceAt(plus(m.endsAt, minute));
    assert.equal((await get(m.id)).status, 'in_progress');
  });

  it('a component shared by two overlapping maintenances stays under maintenance until the last one ends', async () => {
    const gateway = await component('Gateway');
    const first = await schedule({ name: 'First', component_ids: [gateway] });
    const now = h.clock.now().getTime();
    const second = await schedule({
      name: 'Second',
      component_ids: [gateway],
      scheduled_for: new Date(now + 90 * minute).toISOString(),
      scheduled_until: new Date(now + 240 * minute).toISOString(),
    });
    await advanceAt(second.startsAt);
    assert.equal(await componentStatus(gateway), 'under_maintenance');
    await advanceAt(first.endsAt);
    assert.equal((await get(first.id)).status, 'completed');
    assert.equal(await componentStatus(gateway), 'under_maintenance');
    await advanceAt(second.endsAt);
    assert.equal(await componentStatus(gateway), 'operational');
  });

  it('writes its updates in the language of each workspace', async () => {
    const lyon = await createWorkspace({ db: h.db, input: { slug: 'lyon', name: 'Lyon', default_language: 'fr' }, now: h.clock.now() });
    const ctx: Ctx = { ...h.systemCtx(), workspaceId: lyon.id };
    const m = await schedule({ name: 'Mise à jour', body: 'Nous mettons à jour la base.' }, ctx);
    await advanceAt(m.endsAt);
    assert.deepEqual((await get(m.id, ctx)).updates.map((u) => u.body), [
      'La maintenance programmée est terminée.',
      'La maintenance programmée a commencé.',
      'Nous mettons à jour la base.',
    ]);
  });

  it('enqueues a job at each end of the window with the schedule, and none when the schedule rolls back', async () => {
    const jobsOf = async (id: string) =>
      (await h.db.executeSql(`select start_after from pgboss.job where name = 'maintenance.advance' and data->>'maintenance_id' = $1 order by start_after`, [id])).rows.map((row) =>
        new Date(row.start_after).toISOString(),
      );
    const m = await schedule();
    assert.deepEqual(await jobsOf(m.id), [m.scheduled_for, m.scheduled_until]);

    let rolledBackId = '';
    await assert.rejects(
      h.db.transaction(async (tx) => {
        rolledBackId = (await schedule({}, { ...h.systemCtx(), tx })).id;
        throw new Error('the caller fails after scheduling');
      }),
      /the caller fails/,
    );
    assert.match(rolledBackId, /^[a-z0-9]{12}$/);
    assert.deepEqual(await jobsOf(rolledBackId), []);
    const { rows } = await h.db.executeSql('select count(*)::int as n from maintenances where id = $1', [rolledBackId]);
    assert.equal(rows[0].n, 0);
  });
});

/** Resolves when this process finishes a job of that name; rejects when one fails or none finishes in time. */
function jobFinished(queue: Queue, name: JobName, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDone = (job: JobName) => {
      if (job !== name) return;
      stop();
      resolve();
    };
    const onFailed = (job: JobName, _data: unknown, error: Error) => {
      if (job !== name) return;
      stop();
      reject(error);
    };
    const deadline = setTimeout(() => {
      stop();
      reject(new Error(`no ${name} job finished within ${timeoutMs} ms`));
    }, timeoutMs);
    function stop() {
      clearTimeout(deadline);
      queue.events.off('done', onDone);
      queue.events.off('failed', onFailed);
    }
    queue.events.on('done', onDone);
    queue.events.on('failed', onFailed);
  });
}

describe('the maintenance scheduler on the real queue', () => {
  let h: Harness;
  let worker: Queue | undefined;
  before(async () => {
    h = await createHarness();
  });
  after(async () => {
    await worker?.stop();
    await h?.close();
  });

  it('a job enqueued by scheduling starts a maintenance whose start has passed', async () => {
    worker = await startQueue(h.db, { runsJobs: true, pollingSeconds: 0.5 });
    await worker.work('maintenance.advance', maintenanceAdvance({ db: h.db, queue: worker, logger: h.logger }));
    const finished = jobFinished(worker, 'maintenance.advance', 30_000);
    const ctx: Ctx = { ...h.systemCtx(), now: () => new Date() };
    const realNow = Date.now();
    const m = await scheduleMaintenance({
      ctx,
      input: {
        name: 'Already due',
        scheduled_for: new Date(realNow - minute).toISOString(),
        scheduled_until: new Date(realNow + 60 * minute).toISOString(),
        body: 'Starting now.',
      },
    });
    await finished;
    const started = await getMaintenance({ ctx, id: m.id });
    assert.equal(started.status, 'in_progress');
    assert.equal(started.updates[0]!.body, 'The scheduled maintenance has started.');
  });
});
