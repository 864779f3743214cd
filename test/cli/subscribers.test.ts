import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { createCliSandbox, type CliSandbox } from '../helpers/cli.ts';

// An operator moves a subscriber list in and out from the terminal, as separate processes.
describe('tocsin subscribers', () => {
  let cli: CliSandbox;
  const file = (name: string) => path.join(cli.dataDir, name);

  before(async () => {
    cli = await createCliSandbox();
    const setup = await cli.run(['workspace', 'create', 'acme', '--name', 'Acme Cloud']);
    assert.equal(setup.code, 0, setup.stderr);
    const db = await cli.openDatabase();
    try {
      const workspace = await db.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
      const now = new Date();
      for (const [id, slug, language] of [['pagestatus01', 'status', 'en'], ['pagecopy0001', 'copy', 'fr']] as const) {
        await db.db.insertInto('status_pages').values({ workspace_id: workspace.id, id, slug, name: `Acme ${slug}`, language, time_zone: 'Europe/Paris', visibility: 'public', url: null, created_at: now, updated_at: now, build_lease_until: null, published_at: null, next_publish_at: null, last_publish_error: null, access_password_hash: null }).execute();
      }
      await db.db.insertInto('components').values({ workspace_id: workspace.id, id: 'dnsdnsdnsdns', name: 'DNS', position: 1, status: 'operational', created_at: now, updated_at: now, group_id: null, description: null, start_date: null }).execute();
    } finally {
      await db.close();
    }
  });
  after(async () => cli?.close());

  it('imports a large CSV, telling a log its progress a tenth at a time, then lists the rejected rows', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `reader${i}@example.com,${i % 2 ? 'fr' : 'en'},${i % 3 ? '' : 'DNS'}`);
    rows.splice(10, 0, 'not-an-address,en,', 'reader1@example.com,en,');
    writeFileSync(file('big.csv'), `email,language,components\n${rows.join('\n')}\n`);
    const result = await cli.run(['subscribers', 'import', file('big.csv'), '--page', 'status']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'Imported 10000, already there 0, rejected 2, of 10002 rows.\n');
    const progress = result.stderr.split('\n').filter((line) => / % — /.test(line));
    const percents = progress.map((line) => Number(/^(\d+) %/.exec(line)![1]));
    assert.ok(percents.length >= 3, `progress lines: ${progress.join(' | ')}`);
    assert.deepEqual([...percents].sort((a, b) => a - b), percents, 'in order');
    assert.ok(percents.every((p) => p % 10 === 0), 'a line per tenth');
    assert.equal(percents.at(-1), 100);
    assert.doesNotMatch(result.stderr, /\r/, 'no terminal redraw in a log');
    assert.match(result.stderr, /^row 12: "not-an-address" is not an e-mail address: it has no "@"\.$/m);
    assert.match(result.stderr, /^row 13: reader1@example\.com is already on row 3 of the file$/m);
  });

  it('writes the rejected rows to a file with --rejects; an existing address is counted, not duplicated', async () => {
    writeFileSync(file('small.csv'), 'phone,language\n+33 6 12 34 56 78,fr\n0612,fr\n');
    const result = await cli.run(['subscribers', 'import', file('small.csv'), '--page', 'copy', '--rejects', file('rejects.csv')]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'Imported 1, already there 0, rejected 1, of 2 rows.\n');
    assert.deepEqual(parse(readFileSync(file('rejects.csv'), 'utf8'), { columns: true }), [{ row: '3', reason: '"0612" is too short for France (+33).' }]);
    const again = await cli.run(['subscribers', 'import', file('small.csv'), '--page', 'copy', '--rejects', file('rejects.csv')]);
    assert.equal(again.stdout, 'Imported 0, already there 1, rejected 1, of 2 rows.\n');
  });

  it('exports to a file that imports unchanged into another page, and lists what is there', async () => {
    const exported = await cli.run(['subscribers', 'export', '--page', 'status', '--out', file('out.csv')]);
    assert.equal(exported.code, 0, exported.stderr);
    const table = parse(readFileSync(file('out.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    assert.equal(table.length, 10_000);
    assert.deepEqual(table.find((row) => row.email === 'reader3@example.com'), { ...table.find((row) => row.email === 'reader3@example.com'), language: 'fr', components: 'dnsdnsdnsdns', state: 'active', source: 'import' });

    const imported = await cli.run(['subscribers', 'import', file('out.csv'), '--page', 'copy']);
    assert.equal(imported.stdout, 'Imported 10000, already there 0, rejected 0, of 10000 rows.\n');
    const copied = await cli.run(['subscribers', 'export', '--page', 'copy', '--channel', 'email']);
    assert.equal(copied.code, 0, copied.stderr);
    const key = (rows: Array<Record<string, string>>) => rows.map((row) => `${row.email}|${row.language}|${row.components}`).sort();
    assert.deepEqual(key(parse(copied.stdout, { columns: true })), key(table));

    const listed = await cli.run(['subscribers', 'list', '--page', 'copy', '--channel', 'sms']);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /^[a-z0-9]{12} {2}sms {5}active {7}fr {2}\+33612345678$/m);
    assert.match(listed.stderr, /1 subscriber\(s\)/);
  });

  it('names the pages there are when --page names none, exit 2', async () => {
    const result = await cli.run(['subscribers', 'list', '--page', 'nope']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /No status page "nope" \(there are: copy, status\)/);
  });
});
