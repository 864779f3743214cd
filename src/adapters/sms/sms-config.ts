import { createHttpSmsSender } from './http-sms-transport.ts';
import { normalizePhone } from './phone.ts';
import type { SmsSender } from './sms.ts';
import { createSmppSender } from './smpp-transport.ts';
import { readCount } from '../env-count.ts';

export interface SmppConfig {
  host: string;
  port: number;
  /** SMPP over TLS (`smpps://`). */
  isTls: boolean;
  systemId: string;
  password: string;
  /** The sender: an alphanumeric id of 1 to 11 characters, or an E.164 number. */
  from: string;
  /** How long to wait for the connection, the bind and each reply. (Default: 15 000) */
  timeoutMs?: number;
  /** Time between enquire_link probes that keep the session alive. (Default: 30 000) */
  enquireLinkIntervalMs?: number;
  /** Requests awaiting their reply at once, the SMSC's window. (Default: 10) */
  windowSize?: number;
  /** submit_sm PDUs per second (one per segment), the account's throughput. (Default: unlimited) */
  rateLimitPerSecond?: number;
}

export interface HttpSmsConfig {
  /** The gateway's endpoint, without credentials. */
  url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The sender: an alphanumeric id of 1 to 11 characters, or an E.164 number. */
  from: string;
  /** How long to wait for the whole exchange. (Default: 15 000) */
  timeoutMs?: number;
  /** Requests per second, the gateway's quota. (Default: unlimited) */
  rateLimitPerSecond?: number;
}

export type SmsConfig = { kind: 'smpp'; smpp: SmppConfig } | { kind: 'http'; http: HttpSmsConfig };

export type SmsConfigResult = { ok: true; config: SmsConfig | undefined } | { ok: false; errors: string[] };

const SMPP_PORT = 2775;
// No IANA port for SMPP over TLS; 3550 is the common choice and the smpp package's default.
const SMPPS_PORT = 3550;

/**
 * Reads TOCSIN_SMS_URL, TOCSIN_SMS_FROM and optionally TOCSIN_SMS_RATE_PER_SECOND. Neither of the
 * first two set: SMS is off (`config` undefined). Every problem is reported, each naming its
 * variable; the password or token never appears in a message.
 */
export function parseSmsConfig(env: Record<string, string | undefined>): SmsConfigResult {
  const url = env.TOCSIN_SMS_URL?.trim() || undefined;
  const from = env.TOCSIN_SMS_FROM?.trim() || undefined;
  if (!url && !from) return { ok: true, config: undefined };
  const errors: string[] = [];
  const endpoint = url ? readUrl(url, errors) : undefined;
  if (!url) errors.push('TOCSIN_SMS_URL is not set: SMS needs an SMSC, e.g. smpp://system_id:password@smsc.example.com:2775, or an HTTP gateway, e.g. https://TOKEN@sms.example.com/v1/messages.');
  const sender = from ? readSender(from, errors) : undefined;
  if (!from) errors.push('TOCSIN_SMS_FROM is not set: SMS needs a sender, a name of 1 to 11 letters and digits (e.g. ExampleCo) or a number in international form (e.g. +33612345678).');
  const rateLimitPerSecond = readCount(env, 'TOCSIN_SMS_RATE_PER_SECOND', errors);
  if (errors.length > 0 || !endpoint || !sender) return { ok: false, errors };
  const rate = rateLimitPerSecond === undefined ? {} : { rateLimitPerSecond };
  switch (endpoint.kind) {
    case 'smpp':
      return { ok: true, config: { kind: 'smpp', smpp: { ...endpoint.smpp, from: sender, ...rate } } };
    case 'http':
      return { ok: true, config: { kind: 'http', http: { ...endpoint.http, from: sender, ...rate } } };
  }
}

export function createSmsSender(config: SmsConfig): SmsSender {
  switch (config.kind) {
    case 'smpp':
      return createSmppSender(config.smpp);
    case 'http':
      return createHttpSmsSender(config.http);
  }
}

/** The URL as it may be logged: the password or token masked. */
export function describeSmsUrl(url: string): string {
  if (!URL.canParse(url)) return 'an unparsable URL';
  const parsed = new URL(url);
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
    if (parsed.username) parsed.username = '***';
    if (parsed.password) parsed.password = '***';
  } else if (parsed.password) {
    parsed.password = '***';
  }
  return parsed.href.replace(/\/$/, '');
}

type Endpoint = { kind: 'smpp'; smpp: Omit<SmppConfig, 'from'> } | { kind: 'http'; http: Omit<HttpSmsConfig, 'from'> };

function readUrl(url: string, errors: string[]): Endpoint | undefined {
  const examples = 'smpp://system_id:password@smsc.example.com:2775, smpps://… or https://TOKEN@sms.example.com/v1/messages';
  if (!URL.canParse(url)) {
    errors.push(`TOCSIN_SMS_URL is not a URL: expected ${examples}.`);
    return undefined;
  }
  const parsed = new URL(url);
  const shown = describeSmsUrl(url);
  switch (parsed.protocol) {
    case 'smpp:':
    case 'smpps:':
      return readSmppUrl(parsed, shown, errors);
    case 'http:':
    case 'https:':
      return readHttpUrl(parsed, shown, errors);
    default:
      errors.push(`TOCSIN_SMS_URL must start with smpp://, smpps://, https:// or http://, e.g. ${examples} (got ${shown}).`);
      return undefined;
  }
}

function readSmppUrl(parsed: URL, shown: string, errors: string[]): Endpoint | undefined {
  const before = errors.length;
  const isTls = parsed.protocol === 'smpps:';
  if (!parsed.hostname) errors.push(`TOCSIN_SMS_URL has no host (${shown}).`);
  if (!parsed.username) errors.push(`TOCSIN_SMS_URL has no system_id: write smpp://system_id:password@host:port (${shown}).`);
  else if (!parsed.password) errors.push(`TOCSIN_SMS_URL names the system_id "${decodeURIComponent(parsed.username)}" but no password (${shown}).`);
  if (parsed.pathname !== '' && parsed.pathname !== '/') errors.push(`TOCSIN_SMS_URL has a path "${parsed.pathname}"; an SMPP URL ends after host:port (${shown}).`);
  if (errors.length > before) return undefined;
  return {
    kind: 'smpp',
    smpp: {
      host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: parsed.port ? Number(parsed.port) : isTls ? SMPPS_PORT : SMPP_PORT,
      isTls,
      systemId: decodeURIComponent(parsed.username),
      password: decodeURIComponent(parsed.password),
    },
  };
}

function readHttpUrl(parsed: URL, shown: string, errors: string[]): Endpoint | undefined {
  if (!parsed.username) {
    errors.push(`TOCSIN_SMS_URL has no token: write the gateway's bearer token before the host, https://TOKEN@host/path (${shown}).`);
    return undefined;
  }
  if (parsed.password) {
    errors.push(`TOCSIN_SMS_URL holds a user and a password; an HTTP gateway takes one bearer token, https://TOKEN@host/path (percent-encode a ":" inside it) (${shown}).`);
    return undefined;
  }
  const token = decodeURIComponent(parsed.username);
  parsed.username = '';
  return { kind: 'http', http: { url: parsed.href, token } };
}

function readSender(from: string, errors: string[]): string | undefined {
  if (from.startsWith('+')) {
    const phone = normalizePhone(from);
    if (phone.ok) return phone.e164;
    errors.push(`TOCSIN_SMS_FROM is not a usable sender number: ${phone.reason}`);
    return undefined;
  }
  // 3GPP TS 23.040 §9.1.2.5: an alphanumeric address holds 11 characters; all digits would read as a number.
  if (/^[A-Za-z0-9]{1,11}$/.test(from) && /[A-Za-z]/.test(from)) return from;
  errors.push(`TOCSIN_SMS_FROM must be a sender name of 1 to 11 letters and digits with at least one letter (e.g. ExampleCo), or a number in international form (e.g. +33612345678), not "${from}".`);
  return undefined;
}
