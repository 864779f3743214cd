import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCliSandbox, type CliSandbox } from '../helpers/cli.ts';

// An operator runs an incident from the terminal: open, update, resolve, list.
describe('tocsin incident', () => {
  let cli: CliSandbox;
  before(async () => {
    cli = await createCliSandbox();
    const setup = await cli.run(['workspace', 'create', 'acme', '--name', 'Acme Cloud']);
    assert.equal(setup.code, 0, setup.stderr);
    const person = await cli.run(['user', 'add', 'lea@acme.test', '--name', 'Léa', '--role', 'comms_lead']);
    assert.equal(person.code, 0, person.stderr);
    const db = await cli.openDatabase();
    try {
      const workspace = await db.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
      const now = new Date();
      for (const [id, name] of [['dnsdnsdnsdns', 'DNS'], ['apiapiapiapi', 'Public API']] as const) {
        await db.db.insertInto('components').values({ workspace_id: workspace.id, id, name, position: 1, status: 'operational', created_at: now, updated_at: now, group_id: null, description: null, start_date: null }).execute();
      }
    } finally {
      await db.close();
    }
  });
  after(async () => cli?.close());

  it('opens, updates and resolves an incident, naming components and the referent as a person would', async () => {
    const opened = await cli.run(['incident', 'open', '--name', 'DNS answers slowly', '--impact', 'minor', '--component', 'dns', '--referent', 'lea@acme.test', '--body', 'Some domains answer slowly since 06:30 UTC. We are investigating. Next update by 07:30 UTC.', '--json']);
    assert.equal(opened.code, 0, opened.stderr);
    const incident = JSON.parse(opened.stdout);
    assert.deepEqual(incident.component_ids, ['dnsdnsdnsdns']);
    assert.ok(incident.referent_id);

    const updated = await cli.run(['incident', 'update', incident.id, '--status', 'monitoring', '--component', 'DNS=degraded_performance', '--body-file', '-'], { stdin: 'Traffic moved away from the overloaded server. Next update by 08:15 UTC.' });
    assert.equal(updated.code, 0, updated.stderr);
    assert.match(updated.stdout, new RegExp(`^Updated ${incident.id}\\s+monitoring`));

    const resolved = await cli.run(['incident', 'resolve', incident.id]);
    assert.equal(resolved.code, 0, resolved.stderr);
    const listed = await cli.run(['incident', 'list', '--status', 'resolved']);
    assert.match(listed.stdout, new RegExp(`${incident.id}\\s+resolved\\s+minor\\s+DNS answers slowly`));
  });

  it('declares an incident internally: nothing public until its first update', async () => {
    const declared = await cli.run(['incident', 'open', '--name', 'Card payments failing', '--impact', 'major', '--component', 'Public API', '--internal']);
    assert.equal(declared.code, 0, declared.stderr);
    assert.match(declared.stdout, /^Declared internally (\w+)\s+investigating\s+major\s+Card payments failing\nNothing is public/);
    const id = /^Declared internally (\w+)/.exec(declared.stdout)![1]!;
    const listed = JSON.parse((await cli.run(['incident', 'list', '--json'])).stdout).incidents.find((i: any) => i.id === id);
    assert.deepEqual([listed.visibility, listed.updates.length], ['internal', 0]);
    const updated = await cli.run(['incident', 'update', id, '--status', 'identified', '--body', 'Card payments fail for some customers. Next update at 16:00.', '--json']);
    assert.equal(updated.code, 0, updated.stderr);
    assert.equal(JSON.parse(updated.stdout).visibility, 'public');
    const both = await cli.run(['incident', 'open', '--name', 'x', '--impact', 'minor', '--internal', '--body', 'x']);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /no public text yet/);
  });

  it('explains a wrong command line in one line, exit 2, and writes nothing', async () => {
    const wrongImpact = await cli.run(['incident', 'open', '--name', 'x', '--impact', 'apocalyptic', '--body', 'x']);
    assert.equal(wrongImpact.code, 2);
    assert.match(wrongImpact.stderr, /Unknown impact "apocalyptic"/);
    const noBody = await cli.run(['incident', 'open', '--name', 'x', '--impact', 'minor']);
    assert.equal(noBody.code, 2);
    assert.match(noBody.stderr, /message text is missing/);
    const unknownComponent = await cli.run(['incident', 'open', '--name', 'x', '--impact', 'minor', '--component', 'Mainframe', '--body', 'x']);
    assert.equal(unknownComponent.code, 2);
    assert.match(unknownComponent.stderr, /No component "Mainframe" \(there are: DNS, Public API\)/);
    const listed = await cli.run(['incident', 'list', '--json']);
    assert.equal(JSON.parse(listed.stdout).incidents.length, 2, 'the two opened by the tests above');
  });

  it('fails with exit 1 on an incident that does not exist', async () => {
    const result = await cli.run(['incident', 'resolve', 'zzzzzzzzzzzz']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /No incident with id "zzzzzzzzzzzz"/);
    assert.doesNotMatch(result.stderr, /^\s+at /m);
  });
});
