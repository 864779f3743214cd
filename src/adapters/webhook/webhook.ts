import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { postJson } from '../http/post-json.ts';
import type { SendResult } from '../outcome.ts';

export interface WebhookEndpoint {
  url: string;
  /** `whsec_` + base64 of 24 to 64 random bytes, as `newWebhookSecret` makes. */
  secret: string;
}

export interface WebhookEvent {
  /** The delivery id, the same on every attempt (`webhook-id`): receivers drop a repeat by it. */
  id: string;
  /** Full-stop delimited, e.g. `incident.updated`. */
  type: string;
  payload: object;
  /** When the event happened: the body's `timestamp`, unchanged across retries. (Default: the attempt's `now`) */
  occurredAt?: Date;
}

export interface WebhookSenderOptions {
  /** (Default: 15 000; Standard Webhooks recommends 15 to 30 s) */
  timeoutMs?: number;
}

export interface WebhookSender {
  /** One signed attempt. Resolves with the outcome; throws only on a caller's mistake (a malformed secret, id or type). */
  send(endpoint: WebhookEndpoint, event: WebhookEvent, now?: Date): Promise<SendResult>;
}

/** Sends events signed per Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<HMAC-SHA256>`. */
export function createWebhookSender(options: WebhookSenderOptions = {}): WebhookSender {
  return {
    send(endpoint, event, now = new Date()) {
      assertEvent(event);
      const signer = signerFor(endpoint.secret);
      // Signed and sent as the same string: a re-serialized body would not match its signature.
      const body = JSON.stringify({ type: event.type, timestamp: (event.occurredAt ?? now).toISOString(), data: event.payload });
      const headers = {
        'webhook-id': event.id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': signer.sign(event.id, now, body),
        'content-type': 'application/json',
        'user-agent': 'Tocsin-Webhooks/1',
      };
      return postJson(endpoint.url, body, { headers, now, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) });
    },
  };
}

/** A fresh signing secret for one endpoint: 32 random bytes (the spec asks for at least 24). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

// Standard Webhooks: the id and type are signed with `.` as the delimiter, so neither may hold one
// that could shift the signed fields; event types are dot-separated `[a-zA-Z0-9_]` identifiers.
const eventId = /^[A-Za-z0-9_-]{1,255}$/;
const eventType = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;
const secretShape = /^whsec_[A-Za-z0-9+/]+={0,2}$/;

function assertEvent(event: WebhookEvent): void {
  if (!eventId.test(event.id)) throw new TypeError(`The event id must be 1 to 255 letters, digits, "_" or "-", not ${JSON.stringify(event.id)}.`);
  if (!eventType.test(event.type)) throw new TypeError(`The event type must be dot-separated identifiers like "incident.updated", not ${JSON.stringify(event.type)}.`);
}

function signerFor(secret: string): Webhook {
  const bytes = secretShape.test(secret) ? Buffer.from(secret.slice('whsec_'.length), 'base64').length : 0;
  // Never echo the secret itself in the message.
  if (bytes < 24 || bytes > 64) throw new TypeError('The endpoint secret must be "whsec_" followed by 24 to 64 bytes in base64.');
  return new Webhook(secret);
}
