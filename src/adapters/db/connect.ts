import { mkdirSync, openSync, closeSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { CompiledQuery, Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import type { Database } from './schema.ts';
import { PGliteDialect, PGliteLock } from './pglite-driver.ts';
import { TocsinError } from '../../domain/errors.ts';

export type Tx = Transaction<Database>;
export type Db = Kysely<Database> | Tx;

export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}

export interface DatabaseHandle extends SqlExecutor {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Kysely<Database>;
  /**
   * Runs `fn` in one transaction; on PGlite it holds the single connection for its length (and is
   * therefore alone: every isolation level behaves as serializable there).
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>, options?: { isolation?: 'repeatable read' | 'serializable' }): Promise<T>;
  /** Runs a multi-statement SQL script in one transaction on one connection (migrations). */
  runScript(script: string): Promise<void>;
  /** Calls `onNotify` for each NOTIFY on `channel`, until the returned function is called. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /** The PGlite instance, for tests that clone or dump it; undefined on PostgreSQL. */
  readonly pglite?: PGlite;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string | null; loadDataDir?: Blob };

// int8 as a JS number (counts and identities stay far below 2^53); dates as 'YYYY-MM-DD' strings,
// never parsed in the process time zone. The same on both engines.
const parseInt8 = (value: string) => Number(value);
const keepDate = (value: string) => value;

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  return target.kind === 'postgres' ? openPostgres(target.url, target.poolSize ?? 10) : openPGlite(target.dataDir, target.loadDataDir);
}

function openPostgres(url: string, poolSize: number): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === pg.types.builtins.INT8) return parseInt8;
        if (oid === pg.types.builtins.DATE) return keepDate;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    transaction: (fn, options) => (options?.isolation ? db.transaction().setIsolationLevel(options.isolation) : db.transaction()).execute(fn),
    async executeSql(text, values) {
      const result = await pool.query(text, values as unknown[] | undefined);
      // A multi-statement text without parameters returns one result per statement.
      return Array.isArray(result) ? { rows: result.at(-1)?.rows ?? [] } : { rows: result.rows };
    },
    async listen(channel, onNotify) {
      // A connection of its own, outside the pool: LISTEN lasts as long as the session.
      const client = new pg.Client({ connectionString: url });
      client.on('notification', (message) => message.channel === channel && onNotify(message.payload ?? ''));
      client.on('error', () => {});
      await client.connect();
      await client.query(`listen "${channel.replaceAll('"', '')}"`);
      return async () => {
        await client.end().catch(() => {});
      };
    },
    async runScript(script) {
      const client = await pool.connect();
      try {
        await client.query(`begin;\n${script}\n;commit;`);
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
      // Kysely ends the pool only if it ran a query itself; the queue may have been the only user.
      if (!pool.ended) await pool.end();
    },
  };
}

async function openPGlite(dataDir: string | null, loadDataDir?: Blob): Promise<DatabaseHandle> {
  const releaseFolder = dataDir ? lockDataFolder(dataDir) : () => {};
  let pglite: PGlite;
  try {
    // Loaded only here: a process on PostgreSQL (N workers) does not carry the embedded engine (~45 MB).
    const { PGlite } = await import('@electric-sql/pglite');
    pglite = await PGlite.create({
      dataDir: dataDir ?? undefined,
      loadDataDir,
      parsers: { 20: parseInt8, 1082: keepDate },
    });
  } catch (error) {
    releaseFolder();
    throw error;
  }
  const lock = new PGliteLock();
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite, lock) });
  return {
    kind: 'pglite',
    db,
    pglite,
    transaction: (fn) => lock.run(() => db.transaction().execute(fn)),
    executeSql: (text, values) =>
      lock.run(async () => {
        if (values && values.length > 0) return { rows: (await pglite.query(text, values)).rows };
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }),
    async listen(channel, onNotify) {
      const unsubscribe = await lock.run(() => pglite.listen(channel, onNotify));
      return () => lock.run(() => unsubscribe());
    },
    runScript: (script) =>
      lock.run(async () => {
        try {
          await pglite.exec(`begin;\n${script}\n;commit;`);
        } catch (error) {
          await pglite.exec('rollback');
          throw error;
        }
      }),
    async close() {
      await lock.run(async () => {
        await db.destroy();
        await pglite.close();
      });
      releaseFolder();
    },
  };
}

/** An executor bound to an open transaction, so a queue insert commits or rolls back with it. */
export function transactionExecutor(tx: Tx): SqlExecutor {
  return {
    async executeSql(text, values) {
      const result = await tx.executeQuery(CompiledQuery.raw(text, (values ?? []) as unknown[]));
      return { rows: result.rows as any[] };
    },
  };
}

/**
 * PGlite does not lock its data folder: two processes on one folder silently lose writes. Tocsin
 * writes the owner's pid into `tocsin.lock` and refuses the folder while that process lives.
 */
function lockDataFolder(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'tocsin.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockPath, 'utf8').trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new TocsinError(
          'unavailable',
          'data-folder-in-use',
          `The data folder ${dataDir} is in use by process ${owner} (a running "tocsin serve"?). Stop it first, or use the API, or point DATABASE_URL at a PostgreSQL server to run several processes.`,
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new TocsinError('unavailable', 'data-folder-in-use', `Could not lock the data folder ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
