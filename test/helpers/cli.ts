import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/adapters/db/connect.ts';
import { readConfig } from '../../src/config.ts';
import { testEngine } from './db.ts';
import { binPath } from './process.ts';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A data folder (and on PostgreSQL an empty database of its own) that `tocsin` commands run against. */
export interface CliSandbox {
  dataDir: string;
  /** The environment the commands run with (its data folder or database). */
  env: NodeJS.ProcessEnv;
  /** Runs `tocsin <args>` as its own process and waits for it to exit. */
  run(args: string[], options?: { env?: Record<string, string>; stdin?: string }): Promise<CliResult>;
  /** Opens, from the test process, the database the commands use (on PGlite this takes the folder's lock). */
  openDatabase(): Promise<DatabaseHandle>;
  close(): Promise<void>;
}

/** How long one command may take before the test fails rather than hangs. */
const commandTimeoutMs = 60_000;

/**
 * On PGlite the commands share a temporary data folder; with DATABASE_URL set they get a fresh,
 * empty PostgreSQL database (not a migrated template: the first command migrates it, as in use).
 */
export async function createCliSandbox(): Promise<CliSandbox> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tocsin-cli-'));
  const database = testEngine === 'postgres' ? await createEmptyDatabase(process.env.DATABASE_URL!) : undefined;
  const env: NodeJS.ProcessEnv = { ...process.env, TOCSIN_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.TOCSIN_USER_PASSWORD;
  if (database) env.DATABASE_URL = database.url;
  return {
    dataDir,
    env,
    run(args, options = {}) {
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [binPath, ...args], { env: { ...env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`tocsin ${args.join(' ')} did not exit within ${commandTimeoutMs} ms; stderr:\n${stderr}`));
        }, commandTimeoutMs);
        child.on('error', reject);
        child.on('close', (code) => {
          clearTimeout(timer);
          resolve({ code, stdout, stderr });
        });
        child.stdin.end(options.stdin ?? '');
      });
    },
    openDatabase: () => openDatabase(readConfig(env).database),
    async close() {
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function createEmptyDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `tocsin_cli_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists "${name}" with (force)`) };
}
