import { mastodonLength, mastodonMaxCharacters } from '../../src/adapters/mastodon/mastodon.ts';
import { startHttpReceiver, type HttpReceiver, type ReceivedRequest, type Reply } from './http-receiver.ts';

/** The access token the fake instance accepts. */
export const fakeMastodonToken = 'tok_4f9c2e-write-statuses';

/** A status as the public timelines show it (a subset of Mastodon's Status entity). */
export interface FakeStatus {
  id: string;
  created_at: string;
  url: string;
  uri: string;
  content: string;
  spoiler_text: string;
  language: string;
  account: { id: string; acct: string; display_name: string };
  tags: Array<{ name: string }>;
}

export interface FakeMastodon {
  receiver: HttpReceiver;
  /** Statuses created, by id: a replayed Idempotency-Key creates none. */
  statuses: Map<string, { status: string; language: string; visibility: string }>;
  /** Every public status, oldest first: those posted through the API and those `say` adds. */
  timeline: FakeStatus[];
  /** Someone on the instance posts a public status (plain text, hashtags taken from it). */
  say(acct: string, text: string, options?: { createdAt?: Date; displayName?: string }): FakeStatus;
}

const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * Answers POST /api/v1/statuses as Mastodon does: bearer token, Idempotency-Key replay, 500-character limit;
 * and the public timelines (GET /api/v1/timelines/tag/:hashtag and /public) with min_id, since_id and limit.
 */
export async function startFakeMastodon(): Promise<FakeMastodon> {
  const statuses: FakeMastodon['statuses'] = new Map();
  const timeline: FakeStatus[] = [];
  const byKey = new Map<string, string>();
  let lastId = 0n;
  const json = (status: number, body: unknown): Reply => ({ status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) });

  function say(acct: string, text: string, options: { createdAt?: Date; displayName?: string; language?: string } = {}): FakeStatus {
    lastId += 1n;
    const id = String(113_000_000_000_000_000n + lastId);
    const html = `<p>${escapeHtml(text).replace(/#([\p{L}\p{N}_]+)/gu, (_, tag: string) => `<a href="${receiver.url}/tags/${tag.toLowerCase()}" class="mention hashtag" rel="tag">#<span>${tag}</span></a>`)}</p>`;
    const status: FakeStatus = {
      id,
      created_at: (options.createdAt ?? new Date()).toISOString(),
      url: `${receiver.url}/@${acct}/${id}`,
      uri: `${receiver.url}/users/${acct}/statuses/${id}`,
      content: html,
      spoiler_text: '',
      language: options.language ?? 'fr',
      account: { id: acct, acct, display_name: options.displayName ?? '' },
      tags: [...text.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((match) => ({ name: match[1]!.toLowerCase() })),
    };
    timeline.push(status);
    return status;
  }

  function page(request: ReceivedRequest, statusesShown: FakeStatus[]): Reply {
    const query = new URL(request.path, 'http://fake').searchParams;
    const limit = Math.min(Number(query.get('limit') ?? 20), 40);
    const after = (id: string | null) => (status: FakeStatus) => id === null || BigInt(status.id) > BigInt(id);
    const minId = query.get('min_id');
    const sinceId = query.get('since_id');
    const newer = statusesShown.filter(after(minId)).filter(after(sinceId));
    // min_id pages forward from the cursor (the oldest newer ones); otherwise the newest come first. Both answer newest first.
    const chosen = minId !== null ? newer.slice(0, limit) : newer.slice(-limit);
    return json(200, [...chosen].reverse());
  }

  const receiver = await startHttpReceiver((request: ReceivedRequest) => {
    const path = new URL(request.path, 'http://fake').pathname;
    if (request.method === 'GET' && path === '/api/v1/timelines/public') return page(request, timeline);
    const tagged = /^\/api\/v1\/timelines\/tag\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && tagged) {
      const tag = decodeURIComponent(tagged[1]!).toLowerCase();
      return page(request, timeline.filter((status) => status.tags.some((candidate) => candidate.name === tag)));
    }
    if (request.method !== 'POST' || path !== '/api/v1/statuses') return json(404, { error: 'Record not found' });
    if (request.headers.authorization !== `Bearer ${fakeMastodonToken}`) return json(401, { error: 'The access token is invalid' });
    const key = request.headers['idempotency-key'];
    const known = key ? byKey.get(key) : undefined;
    const reply = (id: string) => json(200, { id, url: `${receiver.url}/@tocsin/${id}`, uri: `${receiver.url}/users/tocsin/statuses/${id}`, ...statuses.get(id) });
    if (known) return reply(known);
    const body = JSON.parse(request.body) as { status: string; language: string; visibility: string };
    if (mastodonLength(body.status) > mastodonMaxCharacters) return json(422, { error: 'Validation failed: Text character limit of 500 exceeded' });
    const { id } = say('tocsin', body.status, { language: body.language });
    statuses.set(id, body);
    if (key) byKey.set(key, id);
    return reply(id);
  });
  return { receiver, statuses, timeline, say };
}
