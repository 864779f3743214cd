import { mastodonLength, mastodonMaxCharacters } from '../../src/adapters/mastodon/mastodon.ts';
import { startHttpReceiver, type HttpReceiver, type ReceivedRequest, type Reply } from './http-receiver.ts';

/** The access token the fake instance accepts. */
export const fakeMastodonToken = 'tok_4f9c2e-write-statuses';

export interface FakeMastodon {
  receiver: HttpReceiver;
  /** Statuses created, by id: a replayed Idempotency-Key creates none. */
  statuses: Map<string, { status: string; language: string; visibility: string }>;
}

/** Answers POST /api/v1/statuses as Mastodon does: bearer token, Idempotency-Key replay, 500-character limit. */
export async function startFakeMastodon(): Promise<FakeMastodon> {
  const statuses: FakeMastodon['statuses'] = new Map();
  const byKey = new Map<string, string>();
  const json = (status: number, body: object): Reply => ({ status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) });
  const receiver = await startHttpReceiver((request: ReceivedRequest) => {
    if (request.method !== 'POST' || request.path !== '/api/v1/statuses') return json(404, { error: 'Record not found' });
    if (request.headers.authorization !== `Bearer ${fakeMastodonToken}`) return json(401, { error: 'The access token is invalid' });
    const key = request.headers['idempotency-key'];
    const known = key ? byKey.get(key) : undefined;
    const reply = (id: string) => json(200, { id, url: `${receiver.url}/@tocsin/${id}`, uri: `${receiver.url}/users/tocsin/statuses/${id}`, ...statuses.get(id) });
    if (known) return reply(known);
    const body = JSON.parse(request.body) as { status: string; language: string; visibility: string };
    if (mastodonLength(body.status) > mastodonMaxCharacters) return json(422, { error: 'Validation failed: Text character limit of 500 exceeded' });
    const id = String(113_000_000_000_000_000n + BigInt(statuses.size + 1));
    statuses.set(id, body);
    if (key) byKey.set(key, id);
    return reply(id);
  });
  return { receiver, statuses };
}
