import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type DatabaseHandle } from '../../src/adapters/db/connect.ts';
import { listMigrations, migrate } from '../../src/adapters/db/migrate.ts';
import { createWorkspace } from '../../src/services/workspace/create-workspace.ts';
import { openTestDatabase, testEngine } from '../helpers/db.ts';

describe('the database adapter', () => {
  let db: DatabaseHandle;
  before(async () => {
    db = await openTestDatabase();
  });
  after(async () => db?.close());

  it('applies migrations once, even when several processes start at the same moment', async () => {
    const results = await Promise.all([migrate(db), migrate(db), migrate(db)]);
    for (const result of results) {
      assert.equal(result.applied.length, 0);
      assert.equal(result.current, listMigrations().at(-1)!.version);
    }
    const rows = await db.executeSql('select count(*) as n from schema_migrations');
    assert.equal(rows.rows[0].n, listMigrations().length);
  });

  it('keeps the audit log append-only even for SQL that bypasses the API', async () => {
    const workspace = await createWorkspace({ db, input: { slug: 'audit-check', name: 'Audit check' }, now: new Date() });
    await db.db.insertInto('audit_log').values({ workspace_id: workspace.id, actor_type: 'system', actor_id: null, actor_name: 't', action: 'x.y', entity_type: 'x', entity_id: '1', before: null, after: null, request_id: null }).execute();
    await assert.rejects(db.db.updateTable('audit_log').set({ action: 'rewritten' }).where('workspace_id', '=', workspace.id).execute(), /append-only/);
    await assert.rejects(db.db.deleteFrom('audit_log').where('workspace_id', '=', workspace.id).execute(), /append-only/);
  });

  it('rolls back a failed transaction without taking a concurrent write with it', async () => {
    const failing = db.transaction(async (tx) => {
      await tx.insertInto('workspaces').values({ id: 'rolledback01', slug: 'rolled-back', name: 'Rolled back', created_at: new Date() }).execute();
      await new Promise((resolve) => setImmediate(resolve));
      throw new Error('boom');
    });
    const concurrent = createWorkspace({ db, input: { slug: 'kept', name: 'Kept' }, now: new Date() });
    await assert.rejects(failing, /boom/);
    await concurrent;
    const slugs = (await db.db.selectFrom('workspaces').select('slug').execute()).map((row) => row.slug);
    assert.ok(slugs.includes('kept'));
    assert.ok(!slugs.includes('rolled-back'));
  });

  it('reads counts as numbers and dates as calendar strings on both engines', async () => {
    const { rows } = await db.executeSql(`select count(*) as n, date '2026-03-29' as d, 9007199254740 :: bigint as big`);
    assert.deepEqual(rows[0], { n: rows[0].n, d: '2026-03-29', big: 9007199254740 });
    assert.equal(typeof rows[0].n, 'number');
  });
});

describe('the embedded data folder', { skip: testEngine !== 'pglite' }, () => {
  it('refuses a second process on the same folder instead of losing its writes', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'tocsin-lock-'));
    try {
      const first = await openDatabase({ kind: 'pglite', dataDir: folder });
      // The lock names a living process; pretend it is another one by writing our parent's pid.
      const { writeFileSync } = await import('node:fs');
      writeFileSync(path.join(folder, 'tocsin.lock'), String(process.ppid));
      await assert.rejects(openDatabase({ kind: 'pglite', dataDir: folder }), /in use by process/);
      await first.close();
      const reopened = await openDatabase({ kind: 'pglite', dataDir: folder });
      await reopened.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
