import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCliSandbox, type CliSandbox } from '../helpers/cli.ts';

// A crisis lead checks the plan from the terminal before the next crisis.
describe('tocsin plan', () => {
  let cli: CliSandbox;
  before(async () => {
    cli = await createCliSandbox();
    const setup = await cli.run(['workspace', 'create', 'acme', '--name', 'Acme Cloud']);
    assert.equal(setup.code, 0, setup.stderr);
    const person = await cli.run(['user', 'add', 'lea@acme.test', '--name', 'Léa Martin', '--role', 'incident_lead']);
    assert.equal(person.code, 0, person.stderr);
    const db = await cli.openDatabase();
    try {
      const workspace = await db.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
      const user = await db.db.selectFrom('users').select('id').where('email', '=', 'lea@acme.test').executeTakeFirstOrThrow();
      await db.db.insertInto('crisis_roles').values({ workspace_id: workspace.id, role: 'spokesperson', updated_by_name: 'test' }).execute();
      await db.db.insertInto('crisis_role_members').values({ workspace_id: workspace.id, role: 'spokesperson', position: 0, user_id: user.id, phone: '+33 6 12 34 56 78' }).execute();
    } finally {
      await db.close();
    }
  });
  after(async () => cli?.close());

  it('prints the score and what is missing, most important first, in the language asked', async () => {
    const en = await cli.run(['plan', 'readiness', '--lang', 'en']);
    assert.equal(en.code, 0, en.stderr);
    const lines = en.stdout.trim().split('\n');
    assert.match(lines[0]!, /^Readiness: \d+\/100$/);
    assert.equal(lines[1], 'Missing, most important first:');
    assert.equal(lines[2], '  1. No one holds the role “Crisis lead”');
    assert.ok(lines.some((line) => /^ +\d+\. No backup for the spokesperson$/.test(line)), en.stdout);
    assert.ok(!lines.some((line) => line.includes('No one holds the role “Spokesperson”')), 'the spokesperson is named');

    const fr = await cli.run(['plan', 'readiness', '--lang', 'fr']);
    assert.match(fr.stdout, /^Préparation : \d+\/100\n/);
    assert.match(fr.stdout, /1\. Personne ne tient le rôle « Responsable de crise »/);

    const json = JSON.parse((await cli.run(['plan', 'readiness', '--json'])).stdout);
    assert.equal(`Readiness: ${json.score}/100`, lines[0]);
  });

  it('shows the plan: who holds each role, scenarios, channels and regimes', async () => {
    const shown = await cli.run(['plan', 'show', '--lang', 'en']);
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, /\n {2}Spokesperson\s+Léa Martin, \+33 6 12 34 56 78\n/);
    assert.match(shown.stdout, /\n {2}Crisis lead\s+\(no one\)\n/);
    assert.match(shown.stdout, /\[ \] Data breach \(not ready: breach notice, update, closing message\)/);
    assert.match(shown.stdout, /\[ \] Status page hosted separately/);
    assert.match(shown.stdout, /\nRegimes: none declared\n/);
  });

  it('refuses an unknown language with exit 2', async () => {
    const wrong = await cli.run(['plan', 'readiness', '--lang', 'de']);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /Unknown language "de" \(one of: fr, en\)/);
  });
});
