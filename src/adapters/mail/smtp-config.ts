import addressparser from 'nodemailer/lib/addressparser';
import { readCount } from '../env-count.ts';

export interface SmtpConfig {
  /** `smtp://user:pass@host:port` (STARTTLS when offered) or `smtps://…` (TLS from the start); user and password percent-encoded. */
  url: string;
  /** The From header, `Name <address>` or a bare address; its address is also the envelope sender. */
  from: string;
  pool?: {
    /** Connections open at once. (Default: 5) */
    maxConnections: number;
    /** Messages per connection before it is replaced. (Default: 100) */
    maxMessages: number;
  };
  /** Messages per second across the pool, the relay's quota (a new Amazon SES account: 14). (Default: unlimited) */
  rateLimitPerSecond?: number;
}

export type SmtpConfigResult = { ok: true; config: SmtpConfig | undefined } | { ok: false; errors: string[] };

/**
 * Reads TOCSIN_SMTP_URL, TOCSIN_MAIL_FROM and optionally TOCSIN_SMTP_MAX_CONNECTIONS and
 * TOCSIN_SMTP_RATE_PER_SECOND. Neither of the first two set: e-mail is off (`config` undefined).
 * Every problem is reported, each naming its variable; the password never appears in a message.
 */
export function parseSmtpConfig(env: Record<string, string | undefined>): SmtpConfigResult {
  const url = env.TOCSIN_SMTP_URL?.trim() || undefined;
  const from = env.TOCSIN_MAIL_FROM?.trim() || undefined;
  if (!url && !from) return { ok: true, config: undefined };
  const errors = [
    ...(url ? urlErrors(url) : ['TOCSIN_SMTP_URL is not set: e-mail needs the SMTP server, e.g. smtps://user:password@smtp.example.com:465.']),
    ...(from ? fromErrors(from) : ['TOCSIN_MAIL_FROM is not set: e-mail needs a sender, e.g. "Status <status@example.com>".']),
  ];
  const maxConnections = readCount(env, 'TOCSIN_SMTP_MAX_CONNECTIONS', errors);
  const rateLimitPerSecond = readCount(env, 'TOCSIN_SMTP_RATE_PER_SECOND', errors);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    config: {
      url: url!,
      from: from!,
      ...(maxConnections === undefined ? {} : { pool: { maxConnections, maxMessages: 100 } }),
      ...(rateLimitPerSecond === undefined ? {} : { rateLimitPerSecond }),
    },
  };
}

/** The URL as it may be logged: the password masked. */
export function describeSmtpUrl(url: string): string {
  if (!URL.canParse(url)) return 'an unparsable URL';
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.href.replace(/\/$/, '');
}

function urlErrors(url: string): string[] {
  if (!URL.canParse(url)) return ['TOCSIN_SMTP_URL is not a URL: expected smtp://host:port or smtps://user:password@host:port.'];
  const parsed = new URL(url);
  const shown = describeSmtpUrl(url);
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') return [`TOCSIN_SMTP_URL must start with smtp:// or smtps://, e.g. smtps://user:password@smtp.example.com:465 (got ${shown}).`];
  const errors: string[] = [];
  if (!parsed.hostname) errors.push(`TOCSIN_SMTP_URL has no host (${shown}).`);
  if (parsed.username && !parsed.password) errors.push(`TOCSIN_SMTP_URL names the user "${decodeURIComponent(parsed.username)}" but no password (${shown}).`);
  if (parsed.pathname !== '' && parsed.pathname !== '/') errors.push(`TOCSIN_SMTP_URL has a path "${parsed.pathname}"; an SMTP URL ends after host:port (${shown}).`);
  return errors;
}

function fromErrors(from: string): string[] {
  const addresses = addressparser(from, { flatten: true });
  const address = addresses.length === 1 ? addresses[0]!.address : undefined;
  if (!address || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) return [`TOCSIN_MAIL_FROM must be one address, "Name <address@domain>" or "address@domain", not "${from}".`];
  return [];
}
