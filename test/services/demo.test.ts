import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase } from '../helpers/db.ts';
import { startQueue, type Queue } from '../../src/adapters/queue/queue.ts';
import type { DatabaseHandle } from '../../src/adapters/db/connect.ts';
import { seedDemo } from '../../src/services/demo/seed-demo.ts';
import { signIn } from '../../src/services/access/sign-in.ts';
import type { Ctx } from '../../src/services/context.ts';
import { getFactSheet } from '../../src/services/facts/get-fact-sheet.ts';
import { listMessages } from '../../src/services/messages/list-messages.ts';

describe('the demo workspace', () => {
  let db: DatabaseHandle;
  let queue: Queue;
  const now = new Date('2026-11-25T10:00:00Z');
  before(async () => {
    db = await openTestDatabase();
    queue = await startQueue(db, { runsJobs: false });
  });
  after(async () => {
    await queue?.stop();
    await db?.close();
  });

  it('is a cloud provider with twelve components in three groups, 90 days of history and a story', async () => {
    const result = await seedDemo({ db, queue, now, password: 'demo password 2026' });
    assert.equal(result.created, true);
    assert.equal(result.generatedPassword, undefined);
    const workspace = await db.db.selectFrom('workspaces').selectAll().where('slug', '=', 'demo').executeTakeFirstOrThrow();
    const count = async (table: 'components' | 'component_groups' | 'status_pages' | 'memberships') =>
      (await db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspace.id).executeTakeFirstOrThrow()).n;
    assert.equal(await count('components'), 12);
    assert.equal(await count('component_groups'), 3);
    assert.equal(await count('status_pages'), 3);
    assert.equal(await count('memberships'), 6);

    const oldest = await db.db.selectFrom('component_status_changes').select((eb) => eb.fn.min('changed_at').as('at')).where('workspace_id', '=', workspace.id).executeTakeFirstOrThrow();
    assert.ok(now.getTime() - new Date(oldest.at as Date).getTime() >= 90 * 86_400_000, 'history covers 90 days');
    const blips = await db.db.selectFrom('component_status_changes').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspace.id).where('status', '<>', 'operational').executeTakeFirstOrThrow();
    assert.ok(blips.n >= 15, `only ${blips.n} degradations in 90 days`);

    const incidents = await db.db.selectFrom('incidents').selectAll().where('workspace_id', '=', workspace.id).execute();
    const open = incidents.filter((incident) => !['resolved', 'postmortem'].includes(incident.status));
    assert.equal(open.length, 1);
    assert.ok(open[0]!.referent_id && open[0]!.backup_referent_id, 'the ongoing incident has a referent and a backup');
    assert.ok(incidents.filter((incident) => ['resolved', 'postmortem'].includes(incident.status)).length >= 3);
    const postgres = await db.db.selectFrom('components').select('status').where('workspace_id', '=', workspace.id).where('name', '=', 'Managed PostgreSQL').executeTakeFirstOrThrow();
    assert.equal(postgres.status, 'partial_outage');
    const notDown = await db.db.selectFrom('components').select('name').where('workspace_id', '=', workspace.id).where('status', '<>', 'operational').execute();
    assert.deepEqual(notDown.map((row) => row.name), ['Managed PostgreSQL']);

    const maintenances = await db.db.selectFrom('maintenances').selectAll().where('workspace_id', '=', workspace.id).execute();
    assert.equal(maintenances.length, 1);
    assert.equal(maintenances[0]!.status, 'scheduled');
    assert.ok(maintenances[0]!.scheduled_for > now);
  });

  it('has a crisis cell at work on the ongoing incident: a fact sheet, and the next update waiting for review', async () => {
    const workspace = await db.db.selectFrom('workspaces').select('id').where('slug', '=', 'demo').executeTakeFirstOrThrow();
    const incident = await db.db.selectFrom('incidents').select('id').where('workspace_id', '=', workspace.id).where('status', 'in', ['investigating', 'identified', 'monitoring']).executeTakeFirstOrThrow();
    const ctx: Ctx = { workspaceId: workspace.id, actor: { type: 'system', name: 'test' }, db, queue, now: () => now };
    const sheet = await getFactSheet({ ctx, incidentId: incident.id });
    assert.equal(sheet.known.length, 2);
    assert.equal(sheet.figures.affected_people, 340);
    assert.equal(sheet.unconfirmed.length, 1);
    assert.deepEqual(sheet.key_messages.map((entry) => entry.language).sort(), ['en', 'fr']);
    assert.equal(sheet.rumors[0]?.state, 'refuted');
    assert.equal(sheet.referent?.name, 'Claire Dubois');

    const [message] = (await listMessages({ ctx, incidentId: incident.id })).messages;
    assert.ok(message, 'a message is being written');
    assert.equal(message.review_state, 'in_review');
    assert.equal(message.variants.length, 6);
    // Written from the sheet, in each language, and clean enough to approve as it stands.
    const errors = message.variants.flatMap((variant: { language: string; channel: string; findings: Array<{ rule: string; severity: string }> }) =>
      variant.findings.filter((finding) => finding.severity === 'error').map((finding) => `${variant.language}/${variant.channel}: ${finding.rule}`),
    );
    assert.deepEqual(errors, []);
  });

  it('lets the owner sign in with the demo password', async () => {
    const session = await signIn({ db, input: { email: 'admin@demo.tocsin.test', password: 'demo password 2026' }, clientAddress: 'test', now });
    assert.equal(session.role, 'owner');
  });

  it('is created once: a second start leaves it as it is', async () => {
    const before = await db.db.selectFrom('incidents').select('id').execute();
    const again = await seedDemo({ db, queue, now: new Date(now.getTime() + 3_600_000) });
    assert.equal(again.created, false);
    assert.deepEqual(await db.db.selectFrom('incidents').select('id').execute(), before);
  });

  it('prints a generated password only when none was given', async () => {
    const otherDb = await openTestDatabase();
    const otherQueue = await startQueue(otherDb, { runsJobs: false });
    try {
      const result = await seedDemo({ db: otherDb, queue: otherQueue, now });
      assert.ok(result.generatedPassword && result.generatedPassword.length >= 16);
      const session = await signIn({ db: otherDb, input: { email: 'claire.dubois@demo.tocsin.test', password: result.generatedPassword }, clientAddress: 'test', now });
      assert.equal(session.role, 'comms_lead');
    } finally {
      await otherQueue.stop();
      await otherDb.close();
    }
  });
});
