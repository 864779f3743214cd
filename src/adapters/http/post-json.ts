import type { SendResult } from '../outcome.ts';

export interface PostJsonOptions {
  /** Added to (and overriding) `content-type: application/json` and `user-agent: Tocsin/1`. */
  headers?: Record<string, string>;
  /** How long the whole exchange may take, reply included. (Default: 15 000) */
  timeoutMs?: number;
  /** Cancels the request (shutdown); the attempt then counts as temporary. */
  signal?: AbortSignal;
  /** The clock an HTTP-date `Retry-After` is measured against. (Default: the current time) */
  now?: Date;
}

/** What came back, for adapters that read more than the status (a created message's id). */
export interface HttpReply {
  status: number;
  statusText: string;
  headers: Headers;
  /** The first 64 KiB of the body at most. */
  body: string;
}

export const defaultTimeoutMs = 15_000;
/** A receiver may ask for a pause, but an incident update held back for hours is worthless: longer asks are capped. */
export const maxRetryAfterMs = 3_600_000;

const maxBodyBytes = 64 * 1024;
const responseChars = 200;

/** One POST of a JSON body; never rejects for what the receiver or the network did. */
export async function postJson(url: string, body: string | object, options: PostJsonOptions = {}): Promise<SendResult> {
  return (await postJsonForReply(url, body, options)).result;
}

/**
 * `postJson`, also handing back the reply when one came. A string `body` is sent as it is (already
 * serialized JSON, e.g. the exact bytes a signature covers).
 */
export async function postJsonForReply(url: string, body: string | object, options: PostJsonOptions = {}): Promise<{ result: SendResult; reply?: HttpReply }> {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  const target = httpUrlOf(url);
  if (typeof target === 'string') return { result: { accepted: false, permanent: true, response: '', error: target } };
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const timeout = AbortSignal.timeout(timeoutMs);
  const headers = new Headers({ 'content-type': 'application/json', 'user-agent': 'Tocsin/1' });
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);

  let response: Response;
  try {
    // Never follow a redirect: it may lead to another host, and the sender should fix the URL instead.
    response = await fetch(target, { method: 'POST', headers, body: payload, redirect: 'manual', signal: options.signal ? AbortSignal.any([timeout, options.signal]) : timeout });
  } catch (error) {
    return { result: { accepted: false, permanent: false, response: '', error: describeFailure(error, target, timeoutMs) } };
  }
  const reply = { status: response.status, statusText: response.statusText, headers: response.headers, body: await readBody(response) };
  return { result: resultOf(reply, target, options.now ?? new Date()), reply };
}

/** The outcome an HTTP status stands for, the same for every HTTP channel. */
function resultOf(reply: HttpReply, target: URL, now: Date): SendResult {
  const { status } = reply;
  const response = describeReply(status, reply.statusText, reply.body);
  if (status >= 200 && status < 300) return { accepted: true, permanent: false, response };
  const refusal = `${target.host} answered ${status}`;
  if (status >= 300 && status < 400) {
    const location = reply.headers.get('location');
    return { accepted: false, permanent: true, response, error: `${refusal}, a redirect to ${location ? whereTo(location, target) : 'nowhere'}: update the URL, redirects are not followed.` };
  }
  if (status === 410) return { accepted: false, permanent: true, gone: true, response, error: `${refusal} (Gone): the receiver no longer wants these messages.` };
  if (status === 429 || status === 503) {
    const retryAfterMs = retryAfterMsOf(reply.headers.get('retry-after'), now);
    return { accepted: false, permanent: false, response, error: refusal, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }
  const isTemporary = status === 408 || status === 425 || status >= 500;
  return { accepted: false, permanent: !isTemporary, response, error: refusal };
}

/** `Retry-After` (RFC 9110 §10.2.3: delay-seconds or an HTTP-date) in ms, capped at `maxRetryAfterMs`. */
export function retryAfterMsOf(value: string | null, now: Date): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const text = value.trim();
  // Some receivers (Discord) send fractional seconds.
  // An HTTP date names its day first, Mastodon's X-RateLimit-Reset is ISO 8601; Date.parse alone
  // would read "-5" as a year.
  const isDate = /^[A-Za-z]{3}/.test(text) || /^\d{4}-\d{2}-\d{2}T/.test(text);
  const ms = /^\d+(\.\d+)?$/.test(text) ? Math.ceil(Number(text) * 1000) : isDate ? Date.parse(text) - now.getTime() : Number.NaN;
  if (Number.isNaN(ms)) return undefined;
  return Math.min(Math.max(ms, 0), maxRetryAfterMs);
}

/** An http(s) URL, or why it is not one: checked before anything is sent. */
export function httpUrlOf(url: string): URL | string {
  if (!URL.canParse(url)) return 'The URL cannot be parsed.';
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return `Only http and https URLs are used, not ${parsed.protocol}.`;
  if (parsed.username || parsed.password) return 'The URL holds a user name or password; put credentials in the settings, not the URL.';
  return parsed;
}

/** Loopback hosts, where plain http carries nothing off the machine (tests, local development). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(hostname) || hostname === '[::1]' || hostname === '::1';
}

/** A reply body's JSON object, or undefined when it holds none (a proxy's HTML error page). */
export function jsonObjectOf(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    // Not JSON is an answer too: the caller falls back to the status alone.
    return undefined;
  }
}

/** The status line and the start of the body, on one line. */
function describeReply(status: number, statusText: string, body: string): string {
  const line = `${status} ${statusText}`.trim();
  const start = body.replace(/\s+/g, ' ').trim();
  if (!start) return line;
  return `${line}: ${start.length <= responseChars ? start : `${clipUnits(start, responseChars)}…`}`;
}

/** At most `maxUnits` UTF-16 units, never half of a surrogate pair. */
function clipUnits(text: string, maxUnits: number): string {
  const end = /[\uD800-\uDBFF]/.test(text[maxUnits - 1] ?? '') ? maxUnits - 1 : maxUnits;
  return text.slice(0, end);
}

/** Where a redirect points, without its query: webhook URLs carry tokens there. */
function whereTo(location: string, base: URL): string {
  if (!URL.canParse(location, base)) return JSON.stringify(location.slice(0, 100));
  const to = new URL(location, base);
  return `${to.origin}${to.pathname}`;
}

function describeFailure(error: unknown, target: URL, timeoutMs: number): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'TimeoutError') return `No reply from ${target.host} within ${timeoutMs} ms.`;
  if (name === 'AbortError') return `The request to ${target.host} was cancelled before a reply.`;
  // undici reports "fetch failed" and puts the reason (ECONNREFUSED, ENOTFOUND, a TLS error) in `cause`.
  const cause = (error as { cause?: unknown }).cause;
  const reason = cause instanceof Error ? describeCause(cause) : error instanceof Error ? error.message : String(error);
  return `Could not reach ${target.host}: ${reason}`;
}

function describeCause(cause: Error): string {
  const { code, errors } = cause as Error & { code?: string; errors?: unknown[] };
  const message = cause.message || (errors ?? []).map((inner) => (inner instanceof Error ? inner.message : String(inner))).join('; ');
  return code && !message.includes(code) ? `${code} ${message}`.trim() : message || code || cause.name;
}

async function readBody(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    while (bytes < maxBodyBytes) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      bytes += value.byteLength;
      text += decoder.decode(value, { stream: true });
    }
    await reader.cancel();
  } catch {
    // The status has arrived and decides the outcome; a body cut by the timeout only shortens `response`.
  }
  return text;
}
