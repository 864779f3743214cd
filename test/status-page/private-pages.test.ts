import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { publishPendingPages } from '../../src/services/status-page/publish-pending.ts';
import { renderSite } from '../../src/status-page/site.ts';
import { targetsResolver } from '../../src/surfaces/worker/publisher.ts';
import { addUser } from '../../src/services/access/add-user.ts';
import { createWorkspace } from '../../src/services/workspace/create-workspace.ts';

const cookieOf = (headers: Headers) => (headers.get('set-cookie') ?? '').split(';')[0]!;

describe('a private status page served by Tocsin', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
    const internal = await h.request('POST', '/api/admin/pages', { body: { slug: 'internal', name: 'Acme internal status', language: 'fr', time_zone: 'Europe/Paris', visibility: 'private', access_password: 'staff only, please', allowed_email_domains: ['partner.example'] } });
    assert.equal(internal.status, 201, JSON.stringify(internal.body));
    assert.equal(internal.body.has_password, true);
    assert.doesNotMatch(JSON.stringify(internal.body), /staff only/);
    await h.request('POST', '/api/admin/pages', { body: { slug: 'status', name: 'Acme Status', language: 'en', time_zone: 'Europe/Paris' } });
    await h.request('POST', '/api/admin/components', { body: { name: 'Payroll' } });
    const outcomes = await publishPendingPages({ db: h.db, now: h.clock.now, fallbackUrl: 'http://localhost:3001', render: renderSite, targetsFor: targetsResolver(h.db, h.siteDir) });
    assert.ok(outcomes.every((outcome) => outcome.ok));
  });
  after(async () => h?.close());

  const signIn = async (email: string, password: string) => cookieOf((await h.request('POST', '/api/session', { token: null, body: { email, password } })).headers);

  it('shows a visitor its door, in its language, and nothing of the page', async () => {
    const res = await h.request('GET', '/p/acme/internal/', { token: null });
    assert.equal(res.status, 401);
    assert.match(res.body, /Cette page d’état est privée/);
    assert.match(res.body, /type="password"/);
    assert.doesNotMatch(res.body, /Payroll/);
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
    const json = await h.request('GET', '/p/acme/internal/api/v2/summary.json', { token: null });
    assert.equal(json.status, 401);
  });

  it('opens with its password, for that page only, and refuses a wrong one', async () => {
    const wrong = await h.request('POST', '/p/acme/internal/_access', { token: null, rawBody: 'password=guess', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(wrong.status, 401);
    assert.match(wrong.body, /Ce mot de passe n’ouvre pas la page/);
    const right = await h.request('POST', '/p/acme/internal/_access', { token: null, rawBody: 'password=staff%20only%2C%20please', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(right.status, 303);
    assert.equal(right.headers.get('location'), '/p/acme/internal/');
    assert.match(right.headers.get('set-cookie')!, /HttpOnly/);
    const cookie = cookieOf(right.headers);
    const page = await h.request('GET', '/p/acme/internal/', { token: null, headers: { cookie } });
    assert.equal(page.status, 200);
    assert.match(page.body, /Payroll/);
    const summary = await h.request('GET', '/p/acme/internal/api/v2/summary.json', { token: null, headers: { cookie } });
    assert.equal(summary.body.page.name, 'Acme internal status');
  });

  it('opens for members of the workspace and for allowed domains, not for other accounts', async () => {
    await addUser({ ctx: h.systemCtx(), input: { email: 'employee@acme.test', name: 'Employee', role: 'viewer', password: 'employee password 1' } });
    assert.equal((await h.request('GET', '/p/acme/internal/', { token: null, headers: { cookie: await signIn('employee@acme.test', 'employee password 1') } })).status, 200);

    const other = await createWorkspace({ db: h.db, input: { slug: 'partner', name: 'Partner' }, now: h.clock.now() });
    const otherCtx = { ...h.systemCtx(), workspaceId: other.id };
    await addUser({ ctx: otherCtx, input: { email: 'ops@partner.example', name: 'Partner ops', role: 'viewer', password: 'partner password 1' } });
    await addUser({ ctx: otherCtx, input: { email: 'someone@elsewhere.example', name: 'Stranger', role: 'viewer', password: 'stranger password' } });
    assert.equal((await h.request('GET', '/p/acme/internal/', { token: null, headers: { cookie: await signIn('ops@partner.example', 'partner password 1') } })).status, 200);
    assert.equal((await h.request('GET', '/p/acme/internal/', { token: null, headers: { cookie: await signIn('someone@elsewhere.example', 'stranger password') } })).status, 401);
  });

  it('does not serve public pages, which live on their own server', async () => {
    assert.equal((await h.request('GET', '/p/acme/status/', { token: null })).status, 404);
  });
});
