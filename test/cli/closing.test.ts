import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCliSandbox, type CliSandbox } from '../helpers/cli.ts';

// An operator checks from the terminal what keeps an incident from closing, and reads its closing draft.
describe('tocsin closing', () => {
  let cli: CliSandbox;
  let incidentId: string;
  let promiseId: string;
  before(async () => {
    cli = await createCliSandbox();
    const setup = await cli.run(['workspace', 'create', 'acme', '--name', 'Acme Cloud', '--time-zone', 'Europe/Paris']);
    assert.equal(setup.code, 0, setup.stderr);
    const opened = await cli.run(['incident', 'open', '--name', 'Card payments failing', '--impact', 'major', '--body', 'Card payments fail. We are investigating.', '--json']);
    assert.equal(opened.code, 0, opened.stderr);
    incidentId = JSON.parse(opened.stdout).id;
    // The sheet's entries are written through the console or the API; here straight into the database.
    const db = await cli.openDatabase();
    try {
      const workspace = await db.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
      const now = new Date();
      const entry = { workspace_id: workspace.id, incident_id: incidentId, noted_at: now, author_type: 'system' as const, author_name: 'test', created_at: now, updated_at: now };
      promiseId = 'prmcli000001';
      await db.db.insertInto('fact_entries').values([
        { ...entry, id: promiseId, kind: 'promised', text: 'One month free for affected customers', promise_kind: 'compensation', state: 'pending' },
        { ...entry, id: 'knwcli000001', kind: 'known', text: 'A faulty software update caused the failures.' },
      ]).execute();
    } finally {
      await db.close();
    }
  });
  after(async () => cli?.close());

  it('lists the pending promise that blocks the close, and the resolve is refused naming it, in one line', async () => {
    const check = await cli.run(['closing', 'check', incidentId]);
    assert.equal(check.code, 0, check.stderr);
    assert.match(check.stdout, /cannot be closed publicly yet: 1 pending promise\./);
    assert.match(check.stdout, new RegExp(`${promiseId}\\s+compensation\\s+One month free for affected customers`));
    const resolved = await cli.run(['incident', 'resolve', incidentId]);
    assert.equal(resolved.code, 1, resolved.stdout);
    assert.match(resolved.stderr, /cannot be closed publicly: 1 promise is still pending: "One month free for affected customers"/);
    assert.doesNotMatch(resolved.stderr, /^\s+at /m);
    const json = JSON.parse((await cli.run(['closing', 'check', incidentId, '--json'])).stdout);
    assert.deepEqual([json.can_close, json.blockers.map((b: any) => b.id)], [false, [promiseId]]);
  });

  it('prints the closing draft for an audience and language, with what is still to write', async () => {
    const draft = await cli.run(['closing', 'draft', incidentId, '--audience', 'customers', '--language', 'en']);
    assert.equal(draft.code, 0, draft.stderr);
    assert.match(draft.stdout, /^Closing draft · customers · en · email\n/);
    assert.match(draft.stdout, /Subject: Incident of \d+ \w+: what happened/);
    assert.match(draft.stdout, /The cause: A faulty software update caused the failures\./);
    assert.match(draft.stdout, /Still to write \(marked in the text\): corrective_actions, feedback\./);
  });

  it('explains a wrong audience or language in one line, exit 2', async () => {
    const audience = await cli.run(['closing', 'draft', incidentId, '--audience', 'martians']);
    assert.equal(audience.code, 2);
    assert.match(audience.stderr, /No audience "martians"/);
    const language = await cli.run(['closing', 'draft', incidentId, '--language', 'de']);
    assert.equal(language.code, 2);
    assert.match(language.stderr, /language/);
  });
});
