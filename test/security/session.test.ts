import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { addUser } from '../../src/services/access/add-user.ts';

const password = 'correct horse battery staple';

function cookieFrom(headers: Headers): string {
  const setCookie = headers.get('set-cookie') ?? '';
  return setCookie.split(';')[0]!;
}

describe('signing in to the console', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
    await addUser({ ctx: h.systemCtx(), input: { email: 'Lea.Martin@Acme.test', name: 'Léa Martin', role: 'comms_lead', password } });
  });
  after(async () => h?.close());

  it('opens an httpOnly session whose writes need the CSRF token', async () => {
    const signIn = await h.request('POST', '/api/session', { token: null, body: { email: 'lea.martin@acme.test', password } });
    assert.equal(signIn.status, 200);
    assert.equal(signIn.body.role, 'comms_lead');
    const setCookie = signIn.headers.get('set-cookie')!;
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Lax/);
    const cookie = cookieFrom(signIn.headers);
    const read = await h.request('GET', '/api/admin/components', { token: null, headers: { cookie } });
    assert.equal(read.status, 200);
    const withoutCsrf = await h.request('PATCH', '/api/admin/workspace', { token: null, headers: { cookie }, body: {} });
    assert.equal(withoutCsrf.status, 403);
    assert.match(withoutCsrf.body.type, /csrf-token-missing/);
    const current = await h.request('GET', '/api/session/current', { token: null, headers: { cookie } });
    assert.equal(current.body.actor.name, 'Léa Martin');
    assert.equal(current.body.csrf_token, signIn.body.csrf_token);
  });

  it('says nothing about which of e-mail or password was wrong', async () => {
    const wrongPassword = await h.request('POST', '/api/session', { token: null, body: { email: 'lea.martin@acme.test', password: 'nope nope nope' } });
    const unknownEmail = await h.request('POST', '/api/session', { token: null, body: { email: 'nobody@acme.test', password } });
    assert.equal(wrongPassword.status, 401);
    assert.equal(unknownEmail.status, 401);
    assert.equal(wrongPassword.body.detail, unknownEmail.body.detail);
  });

  it('stops guessing after ten attempts on one address, with Retry-After', async () => {
    let last;
    for (let attempt = 0; attempt < 11; attempt++) {
      last = await h.request('POST', '/api/session', { token: null, body: { email: 'target@acme.test', password: `guess ${attempt}` } });
    }
    assert.equal(last!.status, 429);
    assert.ok(Number(last!.headers.get('retry-after')) > 0);
    h.clock.advance(16 * 60_000);
    const later = await h.request('POST', '/api/session', { token: null, body: { email: 'target@acme.test', password: 'another guess' } });
    assert.equal(later.status, 401);
  });

  it('ends the session on sign-out', async () => {
    const signIn = await h.request('POST', '/api/session', { token: null, body: { email: 'lea.martin@acme.test', password } });
    const cookie = cookieFrom(signIn.headers);
    assert.equal((await h.request('DELETE', '/api/session', { token: null, headers: { cookie } })).status, 204);
    assert.equal((await h.request('GET', '/api/admin/components', { token: null, headers: { cookie } })).status, 401);
  });

  it('sends security headers and never echoes secrets', async () => {
    const res = await h.request('GET', '/api/admin/tokens');
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    const serialized = JSON.stringify(res.body);
    assert.doesNotMatch(serialized, /secret_hash/);
    assert.doesNotMatch(serialized, /tsn_/);
    const audit = await h.request('GET', '/api/admin/audit?limit=500');
    assert.doesNotMatch(JSON.stringify(audit.body), /tsn_|\$argon2|secret_hash|"password"|correct horse/);
  });
});
