import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createMastodonPoster, mastodonLength, mastodonMaxCharacters, type MastodonStatus } from '../../src/adapters/mastodon/mastodon.ts';
import { startFakeMastodon, fakeMastodonToken, type FakeMastodon } from '../helpers/fake-mastodon.ts';

const token = fakeMastodonToken;

async function withMastodon(run: (mastodon: FakeMastodon) => Promise<void>) {
  const mastodon = await startFakeMastodon();
  try {
    await run(mastodon);
  } finally {
    await mastodon.receiver.close();
  }
}

const update: MastodonStatus = {
  text: 'Paiements par carte dégradés depuis 13 h 05. Cause identifiée, correctif en cours. Prochain point à 14 h 30 : https://status.example.test/incidents/42',
  idempotencyKey: 'dlv_01HZX3K9Q2',
  language: 'fr',
};

describe('Mastodon statuses', () => {
  it('a status is posted with the bearer token, the Idempotency-Key and its language; the result holds its id and link', async () => {
    await withMastodon(async ({ receiver, statuses }) => {
      const result = await createMastodonPoster().post({ instanceUrl: receiver.url, accessToken: token }, update);
      assert.equal(result.accepted, true, result.error);
      const [request] = await receiver.waitFor(1);
      assert.equal(request!.headers.authorization, `Bearer ${token}`);
      assert.equal(request!.headers['idempotency-key'], update.idempotencyKey);
      assert.equal(request!.headers['content-type'], 'application/json');
      assert.deepEqual(JSON.parse(request!.body), { status: update.text, language: 'fr', visibility: 'public' });
      const [id] = [...statuses.keys()];
      assert.equal(result.providerId, id);
      assert.equal(result.response, `200 OK: ${receiver.url}/@tocsin/${id}`);
    });
  });

  it('a retry with the same Idempotency-Key returns the same status and posts nothing twice', async () => {
    await withMastodon(async ({ receiver, statuses }) => {
      const poster = createMastodonPoster();
      const account = { instanceUrl: `${receiver.url}/`, accessToken: token };
      const first = await poster.post(account, { ...update, visibility: 'unlisted' });
      const again = await poster.post(account, { ...update, visibility: 'unlisted' });
      const other = await poster.post(account, { ...update, idempotencyKey: 'dlv_01HZX3K9Q3' });
      assert.equal(again.providerId, first.providerId);
      assert.notEqual(other.providerId, first.providerId);
      assert.equal(statuses.size, 2);
      assert.equal(statuses.get(first.providerId!)!.visibility, 'unlisted');
    });
  });

  it('a refused token is a permanent failure that says to reconnect the account, and does not repeat the token', async () => {
    await withMastodon(async ({ receiver, statuses }) => {
      const result = await createMastodonPoster().post({ instanceUrl: receiver.url, accessToken: 'revoked' }, update);
      assert.deepEqual({ accepted: result.accepted, permanent: result.permanent }, { accepted: false, permanent: true });
      assert.match(result.error!, /refused the access token: The access token is invalid; connect the account again/);
      assert.ok(!`${result.error} ${result.response}`.includes('revoked'));
      assert.equal(statuses.size, 0);
    });
  });

  it('a rate limit is temporary, with the wait taken from X-RateLimit-Reset; a validation error is permanent with Mastodon’s reason', async () => {
    await withMastodon(async ({ receiver }) => {
      const reset = new Date(Date.now() + 30 * 60_000).toISOString();
      receiver.script(
        { status: 429, headers: { 'content-type': 'application/json', 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }, body: '{"error":"Too many requests"}' },
        { status: 422, headers: { 'content-type': 'application/json' }, body: '{"error":"Validation failed: Language is not a valid language"}' },
      );
      const poster = createMastodonPoster();
      const account = { instanceUrl: receiver.url, accessToken: token };
      const limited = await poster.post(account, update);
      assert.deepEqual({ accepted: limited.accepted, permanent: limited.permanent }, { accepted: false, permanent: false });
      assert.ok(limited.retryAfterMs! > 25 * 60_000 && limited.retryAfterMs! <= 30 * 60_000, `${limited.retryAfterMs} ms`);
      const invalid = await poster.post(account, update);
      assert.deepEqual({ accepted: invalid.accepted, permanent: invalid.permanent }, { accepted: false, permanent: true });
      assert.match(invalid.error!, /Language is not a valid language/);
    });
  });

  it('a status too long as Mastodon counts it is refused before any request, saying by how much', async () => {
    await withMastodon(async ({ receiver }) => {
      const poster = createMastodonPoster();
      const account = { instanceUrl: receiver.url, accessToken: token };
      const result = await poster.post(account, { ...update, text: 'é'.repeat(501) });
      assert.deepEqual({ accepted: result.accepted, permanent: result.permanent }, { accepted: false, permanent: true });
      assert.match(result.error!, /501 characters .* allows 500/);
      assert.equal((await poster.post(account, { ...update, text: '  \n ' })).permanent, true);
      assert.equal((await poster.post({ ...account, maxCharacters: 1_000 }, { ...update, text: 'é'.repeat(501) })).accepted, false, 'the fake instance keeps 500');
      assert.equal(receiver.requests.length, 1, 'only the status within the announced limit was sent');
    });
  });

  it('at exactly 500 with a long link, the status goes out: the link counts 23', async () => {
    await withMastodon(async ({ receiver, statuses }) => {
      const link = `https://status.example.test/incidents/42?${'x'.repeat(300)}`;
      const text = `${'a'.repeat(500 - 23 - 1)} ${link}`;
      assert.equal(mastodonLength(text), 500);
      const result = await createMastodonPoster().post({ instanceUrl: receiver.url, accessToken: token }, { ...update, text });
      assert.equal(result.accepted, true, result.error);
      assert.equal(statuses.size, 1);
    });
  });

  it('an instance over plain http (not loopback) is refused: the token never travels in clear', async () => {
    const result = await createMastodonPoster().post({ instanceUrl: 'http://mastodon.example.test', accessToken: token }, update);
    assert.deepEqual({ accepted: result.accepted, permanent: result.permanent }, { accepted: false, permanent: true });
    assert.match(result.error!, /https/);
  });
});

describe('Mastodon length', () => {
  const cases: Array<[string, string, number]> = [
    ['plain ASCII', 'Service rétabli.', 16],
    ['a long link counts 23', `Voir https://status.example.test/incidents/42?${'q'.repeat(200)}`, 5 + 23],
    ['a short link counts 23 too', 'https://x.io', 23],
    ['two links', 'https://a.example.test/1 et https://b.example.test/2', 23 + 4 + 23],
    ['a full stop after a link is not part of it', 'Voir https://status.example.test/42.', 5 + 23 + 1],
    ['a bare domain is not a link', 'status.example.test', 19],
    ['a remote mention counts as its local part', 'cc @ops@social.example.test', 3 + 4],
    ['a local mention counts whole', 'cc @ops', 7],
    ['a flag is one character', '🇫🇷', 1],
    ['a family emoji is one character', '👨‍👩‍👧‍👦', 1],
    ['a decomposed accent is one character', 'e\u0301', 1],
  ];
  for (const [what, text, expected] of cases) {
    it(what, () => assert.equal(mastodonLength(text), expected));
  }
});
