/**
 * What one attempt to hand a message to a channel's receiver came to: the same shape for every
 * channel (SMTP, SMPP, an SMS gateway, a webhook, a chat platform, Mastodon), so the dispatcher
 * decides retries, dead letters and suppressions in one place.
 */
export interface SendResult {
  accepted: boolean;
  /** Refused for good (SMTP 5xx, HTTP 4xx other than 408/425/429, an invalid number): do not retry. */
  permanent: boolean;
  /** The receiver is gone for good (HTTP 410, an unknown number): stop sending to it at all. */
  gone?: boolean;
  /** The receiver asked to wait at least this long before the next attempt (Retry-After, throttling). */
  retryAfterMs?: number;
  /** The receiver's reply, at most a few hundred characters; empty when none came. */
  response: string;
  error?: string;
  /** The provider's id for the accepted message (an SMPP message_id, a Mastodon status id). */
  providerId?: string;
}
