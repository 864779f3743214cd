import { httpUrlOf, isLoopbackHost, jsonObjectOf, postJsonForReply, retryAfterMsOf } from '../http/post-json.ts';
import type { SendResult } from '../outcome.ts';

export interface MastodonAccount {
  /** The instance's address, e.g. `https://mastodon.social`. */
  instanceUrl: string;
  /** An access token with the `write:statuses` scope. */
  accessToken: string;
  /** The instance's limit (`configuration.statuses.max_characters` in `/api/v2/instance`). (Default: 500) */
  maxCharacters?: number;
}

export interface MastodonStatus {
  text: string;
  /**
   * The same on every attempt of one delivery: Mastodon then returns the status it already made instead
   * of posting twice. It remembers a key for one hour only, so retries must stop within the hour.
   */
  idempotencyKey: string;
  language: 'fr' | 'en';
  /** (Default: public) */
  visibility?: 'public' | 'unlisted';
}

export interface MastodonPosterOptions {
  /** (Default: 15 000) */
  timeoutMs?: number;
}

export interface MastodonPoster {
  /** One attempt. Resolves with the outcome (`providerId` = the status id); never rejects for what the instance did. */
  post(account: MastodonAccount, status: MastodonStatus): Promise<SendResult>;
}

/** Mastodon's default limit. */
export const mastodonMaxCharacters = 500;
/** Mastodon counts every link as this many characters, whatever its length. */
export const mastodonUrlCharacters = 23;

export function createMastodonPoster(options: MastodonPosterOptions = {}): MastodonPoster {
  return {
    async post(account, status) {
      const refusal = refusalBeforeSending(account, status);
      if (refusal) return { accepted: false, permanent: true, response: '', error: refusal };
      const url = new URL('/api/v1/statuses', account.instanceUrl);
      const { result, reply } = await postJsonForReply(url.href, { status: status.text, language: status.language, visibility: status.visibility ?? 'public' }, {
        headers: { authorization: `Bearer ${account.accessToken}`, 'idempotency-key': status.idempotencyKey, accept: 'application/json' },
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      });
      if (!reply) return result;
      const body = jsonObjectOf(reply.body);
      if (result.accepted) {
        const id = typeof body?.id === 'string' ? body.id : undefined;
        const link = typeof body?.url === 'string' ? body.url : '';
        return { ...result, response: `${reply.status} ${reply.statusText}${link ? `: ${link}` : ''}`, ...(id ? { providerId: id } : {}) };
      }
      const said = typeof body?.error === 'string' ? `: ${body.error}` : '';
      if (reply.status === 429 && result.retryAfterMs === undefined) {
        // Mastodon announces the end of its rate-limit window in X-RateLimit-Reset (ISO 8601), not in Retry-After.
        const retryAfterMs = retryAfterMsOf(reply.headers.get('x-ratelimit-reset'), new Date());
        return { ...result, error: `${url.host} limits how often this account may post${said}`, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
      }
      if (reply.status === 401) return { ...result, error: `${url.host} refused the access token${said}; connect the account again.` };
      return said ? { ...result, error: `${result.error ?? url.host}${said}` } : result;
    },
  };
}

/** Why the status cannot be posted as it is, before anything (the token included) leaves the machine. */
function refusalBeforeSending(account: MastodonAccount, status: MastodonStatus): string | undefined {
  const instance = httpUrlOf(account.instanceUrl);
  if (typeof instance === 'string') return `The Mastodon instance URL: ${instance}`;
  if (instance.protocol !== 'https:' && !isLoopbackHost(instance.hostname)) return 'The Mastodon instance must be reached over https: the access token would travel in clear.';
  if (status.text.trim() === '') return 'The status is empty.';
  const length = mastodonLength(status.text);
  const limit = account.maxCharacters ?? mastodonMaxCharacters;
  if (length > limit) return `The status is ${length} characters as Mastodon counts them (each link ${mastodonUrlCharacters}); the instance allows ${limit}. Shorten it or link to the full text.`;
  return undefined;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
// Mastodon's StatusLengthValidator: links with a scheme count 23; a remote mention counts as its local part.
const link = /https?:\/\/[^\s<>"]+/g;
const trailingPunctuation = /[.,;:!?'"»)\]]+$/;
const remoteMention = /(^|[^/\w])@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_])?)@[a-z0-9.-]+[a-z0-9]/gi;

/** The length Mastodon checks against its limit: grapheme clusters, every link 23, `@user@host` as `@user`. */
export function mastodonLength(text: string): number {
  const countable = text.replace(remoteMention, '$1@$2').replace(link, (found) => {
    // A sentence's closing punctuation is not part of the link (unless the link opened a parenthesis).
    const tail = found.includes('(') ? (/[.,;:!?'"»\]]+$/.exec(found)?.[0] ?? '') : (trailingPunctuation.exec(found)?.[0] ?? '');
    return `${'x'.repeat(mastodonUrlCharacters)}${tail}`;
  });
  let count = 0;
  for (const _ of graphemes.segment(countable)) count += 1;
  return count;
}
