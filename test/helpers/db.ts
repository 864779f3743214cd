import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/adapters/db/connect.ts';
import { migrate, migrationsFingerprint } from '../../src/adapters/db/migrate.ts';
import { startQueue } from '../../src/adapters/queue/queue.ts';

/** Which engine the suite runs on: PostgreSQL when DATABASE_URL is set, PGlite otherwise. */
export const testEngine: 'postgres' | 'pglite' = process.env.DATABASE_URL ? 'postgres' : 'pglite';

async function prepareSchema(handle: DatabaseHandle): Promise<void> {
  await migrate(handle);
  // The queue installs its own schema on first start; do it once in the template too.
  const queue = await startQueue(handle, { runsJobs: false });
  await queue.stop();
}

/**
 * A fresh, migrated database for one test file. PGlite loads a dumped template (initdb and
 * migrations cost seconds); PostgreSQL clones a template database with CREATE DATABASE … TEMPLATE.
 */
export async function openTestDatabase(): Promise<DatabaseHandle & { url?: string }> {
  return testEngine === 'postgres' ? openPostgresTestDatabase(process.env.DATABASE_URL!) : openPGliteTestDatabase();
}

async function openPGliteTestDatabase(): Promise<DatabaseHandle> {
  const templatePath = path.join(tmpdir(), `tocsin-pglite-template-${migrationsFingerprint()}.tar.gz`);
  if (!existsSync(templatePath)) {
    const fresh = await openDatabase({ kind: 'pglite', dataDir: null });
    await prepareSchema(fresh);
    const dump = await fresh.pglite!.dumpDataDir('gzip');
    await fresh.close();
    const partial = `${templatePath}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, templatePath);
  }
  return openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: new Blob([readFileSync(templatePath)]) });
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A closed connection's server process exits a moment after the client returns, and another file
 * may be cloning the same template: PostgreSQL then answers "being accessed by other users" (55006).
 */
async function retryWhileInUse<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function openPostgresTestDatabase(baseUrl: string): Promise<DatabaseHandle & { url: string }> {
  const template = `tocsin_tpl_${migrationsFingerprint()}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(4242001)');
    try {
      const exists = await admin.query('select 1 from pg_database where datname = $1', [template]);
      if (exists.rowCount === 0) {
        await retryWhileInUse(() => admin.query(`drop database if exists "${template}_building"`));
        await admin.query(`create database "${template}_building"`);
        const building = await openDatabase({ kind: 'postgres', url: withDatabase(baseUrl, `${template}_building`), poolSize: 2 });
        await prepareSchema(building);
        await building.close();
        await retryWhileInUse(() => admin.query(`alter database "${template}_building" rename to "${template}"`));
      }
    } finally {
      await admin.query('select pg_advisory_unlock(4242001)');
    }
    const name = `tocsin_test_${randomBytes(6).toString('hex')}`;
    await retryWhileInUse(() => admin.query(`create database "${name}" template "${template}"`));
    const url = withDatabase(baseUrl, name);
    const handle = await openDatabase({ kind: 'postgres', url, poolSize: 10 });
    return {
      ...handle,
      url,
      async close() {
        await handle.close();
        const dropper = new pg.Client({ connectionString: baseUrl });
        await dropper.connect();
        await dropper.query(`drop database if exists "${name}" with (force)`);
        await dropper.end();
      },
    };
  } finally {
    await admin.end();
  }
}
