import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { createCliSandbox, type CliSandbox } from '../helpers/cli.ts';
import { progressLine } from '../../src/surfaces/cli/compensation.ts';

// Billing gets the list of customers owed a gesture from the terminal, and sees it come.
describe('tocsin compensation', () => {
  let cli: CliSandbox;
  const file = (name: string) => path.join(cli.dataDir, name);
  const people = 2_500;

  before(async () => {
    cli = await createCliSandbox();
    const setup = await cli.run(['workspace', 'create', 'acme', '--name', 'Acme Cloud']);
    assert.equal(setup.code, 0, setup.stderr);
    const db = await cli.openDatabase();
    try {
      const { id: workspaceId } = await db.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
      const now = new Date();
      const earlier = new Date(now.getTime() - 86_400_000);
      await db.db.insertInto('status_pages').values({ workspace_id: workspaceId, id: 'pagestatus01', slug: 'status', name: 'Acme status', language: 'en', time_zone: 'Europe/Paris', visibility: 'public', url: null, created_at: now, updated_at: now, build_lease_until: null, published_at: null, next_publish_at: null, last_publish_error: null, access_password_hash: null }).execute();
      await db.db.insertInto('incidents').values({ workspace_id: workspaceId, id: 'incidentmail', name: 'Mail down', status: 'resolved', impact: 'major', occurred_at: earlier, detected_at: earlier, acknowledged_at: null, monitoring_at: null, resolved_at: now, referent_id: null, backup_referent_id: null, created_by: null, created_at: earlier, updated_at: now }).execute();
      const subscribers = Array.from({ length: people }, (_, i) => ({
        workspace_id: workspaceId, id: `sub${String(i).padStart(9, '0')}`, page_id: 'pagestatus01', channel: 'email' as const, address: `customer${i}@example.com`, language: 'en' as const,
        state: 'active' as const, manage_token: `token-${i}`, source: 'import' as const, created_at: earlier,
      }));
      await db.db.insertInto('subscribers').values(subscribers).execute();
      await db.db.insertInto('subscribers').values({ workspace_id: workspaceId, id: 'subpending01', page_id: 'pagestatus01', channel: 'email', address: 'pending@example.com', language: 'en', state: 'pending', manage_token: 'token-pending', source: 'self', created_at: earlier }).execute();
      await db.db.insertInto('compensation_gestures').values({ workspace_id: workspaceId, id: 'gesturecred1', incident_id: 'incidentmail', kind: 'credit', amount_minor: 2000, currency: 'EUR', covered_from: earlier, covered_to: now, due_at: new Date(now.getTime() + 7 * 86_400_000), state: 'draft', author_type: 'system', author_name: 'test' }).execute();
    } finally {
      await db.close();
    }
  });
  after(async () => cli?.close());

  it('exports every eligible customer once to a file, telling a log its progress as it goes', async () => {
    const result = await cli.run(['compensation', 'export', 'gesturecred1', '--out', file('owed.csv')]);
    assert.equal(result.code, 0, result.stderr);
    const progress = result.stderr.split('\n').filter((line) => / % \d+\/\d+ people$/.test(line));
    assert.ok(progress.length >= 3, `progress lines: ${progress.join(' | ')}`);
    assert.equal(progress.at(-1), progressLine(people, people));
    assert.match(result.stderr, new RegExp(`Exported ${people} eligible people to .*owed\\.csv\\.`));
    const rows = parse(readFileSync(file('owed.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    assert.equal(rows.length, people);
    assert.equal(new Set(rows.map((row) => row.email)).size, people);
    assert.ok(!rows.some((row) => row.email === 'pending@example.com'), 'a pending subscriber is not a confirmed customer');
    assert.ok(!existsSync(`${file('owed.csv')}.partial`));
  });

  it('lists the incident\'s gestures; an unknown gesture is an error, and no file is left behind', async () => {
    const list = await cli.run(['compensation', 'list', 'incidentmail']);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^gesturecred1  draft +a credit of €20  \(due .* UTC; no promise yet\)\n$/);
    const missing = await cli.run(['compensation', 'export', 'nosuchgestur', '--out', file('none.csv')]);
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /No compensation gesture with id "nosuchgestur"/);
    assert.ok(!existsSync(file('none.csv')));
  });
});
