import path from 'node:path';
import type { DatabaseTarget } from './adapters/db/connect.ts';
import { parseSmtpConfig, type SmtpConfig } from './adapters/mail/smtp-config.ts';
import { parseSmsConfig, type SmsConfig } from './adapters/sms/sms-config.ts';

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
  /**
   * Where subscribers reach Tocsin itself: the links in confirmations and every mail (confirm,
   * preferences, one-click unsubscribe) and the status page's subscription form post here.
   * (Default: http://localhost:<port>)
   */
  publicUrl: string;
  /** The SMTP relay (TOCSIN_SMTP_URL, TOCSIN_MAIL_FROM…); unset: no e-mail is sent. */
  smtp: SmtpConfig | undefined;
  /** The SMS gateway, SMPP or HTTP (TOCSIN_SMS_URL, TOCSIN_SMS_FROM…); unset: no SMS is sent. */
  sms: SmsConfig | undefined;
  delivery: {
    /** Deliveries a worker claims at once (TOCSIN_DELIVERY_BATCH). (Default: 250 on PGlite, 100 on PostgreSQL) */
    batchSize: number;
    /** How long a claim lasts before another worker may take it over (TOCSIN_DELIVERY_LEASE_SECONDS). (Default: 60) */
    leaseMs: number;
  };
}

export class ConfigError extends Error {}

/**
 * Deliveries claimed at once. On PGlite one process is the database and the only worker: larger
 * batches spend less of its single thread on queries (bench:fanout, 100,000 recipients: 0.77× the
 * bare SMTP pool at 100, 0.94× at 250). On PostgreSQL N workers share the queue: smaller batches
 * spread it, and a worker that dies holds fewer.
 */
export const defaultDeliveryBatch = { pglite: 250, postgres: 100 } as const;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.TOCSIN_DATA_DIR || './data');
  const databaseUrl = env.DATABASE_URL?.trim();
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://.');
  }
  const smtp = parseSmtpConfig(env);
  const sms = parseSmsConfig(env);
  const channelErrors = [...(smtp.ok ? [] : smtp.errors), ...(sms.ok ? [] : sms.errors)];
  if (channelErrors.length > 0) throw new ConfigError(channelErrors.join('\n'));
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
    publicUrl: (env.TOCSIN_PUBLIC_URL || `http://localhost:${readPort(env, 'PORT', 3000)}`).replace(/\/+$/, ''),
    smtp: smtp.ok ? smtp.config : undefined,
    sms: sms.ok ? sms.config : undefined,
    delivery: { batchSize: readCount(env, 'TOCSIN_DELIVERY_BATCH', defaultDeliveryBatch[databaseUrl ? 'postgres' : 'pglite'], 10_000), leaseMs: readCount(env, 'TOCSIN_DELIVERY_LEASE_SECONDS', 60, 86_400) * 1000 },
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

function readCount(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new ConfigError(`${name} must be a whole number from 1 to ${max}, not "${raw}".`);
  return value;
}
