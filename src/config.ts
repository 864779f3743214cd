import path from 'node:path';
import type { DatabaseTarget } from './adapters/db/connect.ts';

/** Everything Tocsin reads from the environment, read once at start. */
export interface Config {
  /** Console and admin API port. (Default: 3000) */
  port: number;
  /** Port of the demo's separate static status-page server. (Default: 3001) */
  statusPort: number;
  /** Address to listen on. (Default: 127.0.0.1) */
  host: string;
  /** PGlite data folder when DATABASE_URL is unset. (Default: ./data) */
  dataDir: string;
  database: DatabaseTarget;
  /** Password given to the demo owner on first start; a random one is printed when unset. */
  adminPassword: string | undefined;
  /** pino level. (Default: info) */
  logLevel: string;
  /** Send cookies with the Secure flag; set it when Tocsin is served over HTTPS. (Default: false) */
  secureCookies: boolean;
  /** Tocsin's own copy of every status page, `<siteDir>/<workspace>/<page>`. (Default: <dataDir>/site) */
  siteDir: string;
  /** Base URL of status pages that have no URL of their own: `<statusUrl>/<page slug>`. (Default: http://localhost:<statusPort>) */
  statusUrl: string;
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.TOCSIN_DATA_DIR || './data');
  const databaseUrl = env.DATABASE_URL?.trim();
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://.');
  }
  return {
    port: readPort(env, 'PORT', 3000),
    statusPort: readPort(env, 'STATUS_PORT', 3001),
    host: env.HOST || '127.0.0.1',
    dataDir,
    database: databaseUrl ? { kind: 'postgres', url: databaseUrl, poolSize: Number(env.TOCSIN_DB_POOL_SIZE) || 10 } : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    adminPassword: env.TOCSIN_ADMIN_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL || 'info',
    secureCookies: env.TOCSIN_SECURE_COOKIES === 'true',
    siteDir: path.resolve(env.TOCSIN_SITE_DIR || path.join(dataDir, 'site')),
    statusUrl: (env.TOCSIN_STATUS_URL || `http://localhost:${readPort(env, 'STATUS_PORT', 3001)}`).replace(/\/+$/, ''),
  };
}

function readPort(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new ConfigError(`${name} must be a port number (0–65535), not "${raw}".`);
  return port;
}
