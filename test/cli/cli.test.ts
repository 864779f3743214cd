import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCliSandbox, type CliSandbox } from '../helpers/cli.ts';
import { testEngine } from '../helpers/db.ts';

/** What an error must look like at a terminal: one line, no stack. */
function assertOneLine(stderr: string, pattern: RegExp) {
  const lines = stderr.split('\n').filter((line) => line.trim() !== '');
  assert.equal(lines.length, 1, `expected one line, got:\n${stderr}`);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(stderr, /^\s+at /m);
}

/** An export without what names the workspace, and without the import's own audit row. */
function comparable(document: any) {
  const { exported_at: _at, workspace, tables, ...rest } = document;
  const { id: _id, slug: _slug, name: _name, ...settings } = workspace;
  return { ...rest, workspace: settings, tables: { ...tables, audit_log: tables.audit_log.filter((row: any) => row.action !== 'workspace.import') } };
}

// Every command is a process of its own, as an operator runs it; they share one data folder.
describe('the tocsin command', () => {
  let cli: CliSandbox;
  before(async () => {
    cli = await createCliSandbox();
  });
  after(async () => cli?.close());

  it('prints its help, listing export and import, and exits 0', async () => {
    const result = await cli.run(['--help']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /export/);
    assert.match(result.stdout, /import/);
  });

  it('refuses an unknown command with exit 2 and says which', async () => {
    const result = await cli.run(['frobnicate']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /unknown command 'frobnicate'/);
  });

  it('migrates a new database, then says it is up to date', async () => {
    const first = await cli.run(['migrate']);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^Applied \d+_foundation.*; now at version \d+\.$/m);
    const second = await cli.run(['migrate']);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /Database is up to date \(version \d+\)/);
  });

  it('creates a workspace, adds a person whose password comes from the environment, and prints a token once', async () => {
    const workspace = await cli.run(['workspace', 'create', 'acme', '--name', 'Acme Cloud', '--time-zone', 'Europe/Paris']);
    assert.equal(workspace.code, 0, workspace.stderr);
    assert.equal(JSON.parse(workspace.stdout).slug, 'acme');
    const password = 'a long enough secret passphrase';
    const user = await cli.run(['user', 'add', 'Ann@Acme.test', '--name', 'Ann Owner', '--role', 'owner'], { env: { TOCSIN_USER_PASSWORD: password } });
    assert.equal(user.code, 0, user.stderr);
    assert.deepEqual({ ...JSON.parse(user.stdout), id: 'any' }, { id: 'any', email: 'ann@acme.test', name: 'Ann Owner', role: 'owner', locale: 'en', has_password: true });
    assert.ok(!user.stdout.includes(password) && !user.stderr.includes(password), 'the password is never printed');
    const token = await cli.run(['token', 'create', '--name', 'status bot', '--role', 'viewer']);
    assert.equal(token.code, 0, token.stderr);
    assert.match(JSON.parse(token.stdout).token, /^tsn_[a-z0-9]{12}_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
  });

  it('refuses an unknown role with exit 2, naming the roles', async () => {
    const result = await cli.run(['user', 'add', 'bob@acme.test', '--name', 'Bob', '--role', 'wizard']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Unknown role "wizard" \(one of: owner, incident_lead/);
  });

  it('exports a workspace to a file and imports it as a new workspace with the same content', async () => {
    const file = path.join(cli.dataDir, 'acme.json');
    const exported = await cli.run(['export', '--workspace', 'acme', '--output', file]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.equal(exported.stdout, '', 'the document goes to the file only');
    assert.match(exported.stderr, /exported \d+ rows/);
    const original = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(original.format, 'tocsin.workspace');
    assert.equal(original.workspace.slug, 'acme');
    assert.deepEqual(original.members.map((member: any) => [member.email, member.role]), [['ann@acme.test', 'owner']]);
    assert.ok(original.tables.audit_log.some((row: any) => row.action === 'token.create'));

    const imported = await cli.run(['import', file, '--slug', 'acme-copy', '--name', 'Acme (copy)']);
    assert.equal(imported.code, 0, imported.stderr);
    assert.deepEqual(JSON.parse(imported.stdout).workspace.slug, 'acme-copy');

    const again = await cli.run(['export', '--workspace', 'acme-copy']);
    assert.equal(again.code, 0, again.stderr);
    const copy = JSON.parse(again.stdout);
    assert.equal(copy.workspace.name, 'Acme (copy)');
    assert.deepEqual(comparable(copy), comparable(original));
  });

  it('refuses to import under a slug already taken, with exit 1 (the file read from standard input)', async () => {
    const result = await cli.run(['import', '-', '--slug', 'acme'], { stdin: readFileSync(path.join(cli.dataDir, 'acme.json'), 'utf8') });
    assert.equal(result.code, 1);
    assertOneLine(result.stderr, /A workspace with the slug "acme" already exists/);
  });

  it('refuses a garbage or missing file with exit 2 and one line, creating nothing', async () => {
    const garbage = path.join(cli.dataDir, 'garbage.json');
    writeFileSync(garbage, '{"format": "tocsin.workspace",\n  "format_version": 1\n  oops\x00\x01 not json at all');
    const bad = await cli.run(['import', garbage, '--slug', 'garbage']);
    assert.equal(bad.code, 2);
    assertOneLine(bad.stderr, /garbage\.json is not valid JSON: .+ at line 3, column 3\.$/);
    const missing = await cli.run(['import', path.join(cli.dataDir, 'nowhere.json'), '--slug', 'missing']);
    assert.equal(missing.code, 2);
    assertOneLine(missing.stderr, /Cannot read .*nowhere\.json: no such file\./);
    const db = await cli.openDatabase();
    try {
      const slugs = (await db.db.selectFrom('workspaces').select('slug').orderBy('slug').execute()).map((row) => row.slug);
      assert.deepEqual(slugs, ['acme', 'acme-copy']);
    } finally {
      await db.close();
    }
  });

  it('refuses the data folder while another process holds it, with exit 1', { skip: testEngine !== 'pglite' && 'PGlite only' }, async () => {
    const holder = await cli.openDatabase();
    try {
      const result = await cli.run(['workspace', 'list']);
      assert.equal(result.code, 1);
      assertOneLine(result.stderr, new RegExp(`in use by process ${process.pid}`));
    } finally {
      await holder.close();
    }
  });
});
