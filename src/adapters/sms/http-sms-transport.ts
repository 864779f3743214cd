import { retryAfterMsOf } from '../http/post-json.ts';
import type { SendResult } from '../outcome.ts';
import type { HttpSmsConfig } from './sms-config.ts';
import { assertOutgoingSms, createPacer, shortReply, type OutgoingSms, type SmsSender } from './sms.ts';

/** A JSON gateway: `POST { to, from, text, reference }` with a bearer token and an Idempotency-Key. */
export function createHttpSmsSender(config: HttpSmsConfig): SmsSender {
  const timeoutMs = config.timeoutMs ?? 15_000;
  const endpoint = new URL(config.url);
  const where = `${endpoint.origin}${endpoint.pathname}`;
  const pace = createPacer(config.rateLimitPerSecond);
  const underWay = new Set<Promise<SendResult>>();
  let isClosed = false;

  async function deliver(sms: OutgoingSms): Promise<SendResult> {
    await pace();
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${config.token}`,
          'content-type': 'application/json',
          accept: 'application/json',
          // draft-ietf-httpapi-idempotency-key-header: a gateway that honours it drops a replayed delivery.
          'idempotency-key': sms.idempotencyKey,
        },
        body: JSON.stringify({ to: sms.to, from: config.from, text: sms.text, reference: sms.idempotencyKey }),
        // A redirected POST is replayed as a GET by fetch; the configured URL must be the final one.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return { accepted: false, permanent: false, response: '', error: describeFetchFailure(error, where, timeoutMs) };
    }
    // The status decides; a body cut short by the timeout only loses the provider's id.
    const body = await response.text().catch(() => '');
    return resultOfResponse(response.status, response.headers, body, where, Date.now());
  }

  return {
    send(sms) {
      if (isClosed) throw new Error('This SMS sender is closed.');
      assertOutgoingSms(sms);
      const sending = deliver(sms);
      underWay.add(sending);
      void sending.finally(() => underWay.delete(sending));
      return sending;
    },
    async close() {
      isClosed = true;
      await Promise.allSettled(underWay);
    },
  };
}

/** The gateway's answer as a result; `nowMs` dates a Retry-After given as an HTTP date. */
export function resultOfResponse(statusCode: number, headers: Headers, body: string, where: string, nowMs: number): SendResult {
  const response = shortReply(`${statusCode} ${body}`);
  if (statusCode >= 200 && statusCode < 300) {
    const providerId = idOf(body);
    return { accepted: true, permanent: false, response, ...(providerId === undefined ? {} : { providerId }) };
  }
  const retryAfterMs = retryAfterMsOf(headers.get('retry-after'), new Date(nowMs));
  const wait = retryAfterMs === undefined ? {} : { retryAfterMs };
  const refused = (error: string): SendResult => ({ accepted: false, permanent: true, response, error });
  const temporary = (error: string): SendResult => ({ accepted: false, permanent: false, response, error, ...wait });
  if (statusCode >= 300 && statusCode < 400) return temporary(`The SMS gateway at ${where} redirects (${statusCode}) to ${headers.get('location') ?? 'another URL'}; set TOCSIN_SMS_URL to the final URL.`);
  switch (statusCode) {
    case 400:
    case 422:
      return refused(`The SMS gateway refused the message (${statusCode}).`);
    case 410:
      return { ...refused(`The SMS gateway says the number is gone (${statusCode}).`), gone: true };
    case 404:
      // A JSON answer comes from the gateway's API about this number; anything else is likely a wrong URL, not a gone subscriber.
      return isJson(headers) ? { ...refused('The SMS gateway does not know the number (404).'), gone: true } : temporary(`The SMS gateway at ${where} answered 404 without JSON; check the path in TOCSIN_SMS_URL.`);
    case 401:
    case 403:
      // Our token, not this message: the retry passes once it is fixed.
      return temporary(`The SMS gateway at ${where} refused the token (${statusCode}); check TOCSIN_SMS_URL.`);
    case 408:
    case 425:
    case 429:
      return temporary(`The SMS gateway asked to try again later (${statusCode}).`);
    case 409:
      // draft-ietf-httpapi-idempotency-key-header §2.6: a request with the same key is still being processed.
      return temporary('The SMS gateway is still processing an attempt with the same Idempotency-Key (409).');
  }
  if (statusCode >= 500) return temporary(`The SMS gateway failed (${statusCode}).`);
  return refused(`The SMS gateway refused the message (${statusCode}).`);
}

/** RFC 9110 §10.2.3: delay-seconds or an HTTP date; a date in the past means now. */
function idOf(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null || !('id' in parsed)) return undefined;
    return typeof parsed.id === 'string' || typeof parsed.id === 'number' ? String(parsed.id) : undefined;
  } catch {
    return undefined;
  }
}

function isJson(headers: Headers): boolean {
  return /^application\/([\w.+-]*\+)?json\b/i.test(headers.get('content-type') ?? '');
}

function describeFetchFailure(error: unknown, where: string, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return `The SMS gateway at ${where} did not answer within ${timeoutMs / 1000} s.`;
  // undici rejects with "fetch failed" and puts what happened (ECONNREFUSED, a TLS error) in the cause.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return `Cannot reach the SMS gateway at ${where}: ${cause instanceof Error ? cause.message : String(cause)}.`;
}
