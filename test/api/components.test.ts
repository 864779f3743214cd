import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';

describe('components through the admin API', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(async () => h?.close());

  it('creates groups and components, lists them by position with the group holding its children', async () => {
    const group = await h.request('POST', '/api/admin/component-groups', { body: { name: 'Network' } });
    assert.equal(group.status, 201);
    const dns = await h.request('POST', '/api/admin/components', { body: { name: 'DNS', group_id: group.body.id, position: 2 } });
    const lb = await h.request('POST', '/api/admin/components', { body: { name: 'Load balancers', group_id: group.body.id, position: 1 } });
    assert.equal(dns.status, 201);
    assert.equal(dns.headers.get('etag'), '"1"');
    const list = await h.request('GET', '/api/admin/components', { token: h.tokens.viewer });
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.components.map((c: any) => c.name), ['Load balancers', 'DNS']);
    assert.deepEqual(list.body.groups[0].components, [lb.body.id, dns.body.id]);
  });

  it('keeps every status change as history, and a lead may set status but not rename', async () => {
    const created = await h.request('POST', '/api/admin/components', { body: { name: 'Object storage' } });
    const id = created.body.id;
    h.clock.advance(60_000);
    const degraded = await h.request('PATCH', `/api/admin/components/${id}`, { token: h.tokens.incident_lead, body: { status: 'degraded_performance' } });
    assert.equal(degraded.status, 200);
    assert.equal(degraded.body.status, 'degraded_performance');
    const rename = await h.request('PATCH', `/api/admin/components/${id}`, { token: h.tokens.incident_lead, body: { name: 'S3' } });
    assert.equal(rename.status, 403);
    h.clock.advance(60_000);
    await h.request('PATCH', `/api/admin/components/${id}`, { body: { status: 'operational' } });
    const history = await h.request('GET', `/api/admin/components/${id}/history`);
    assert.deepEqual(history.body.changes.map((c: any) => c.status), ['operational', 'degraded_performance', 'operational']);
  });

  it('refuses a stale If-Match with 412 and leaves the component as the first editor saved it', async () => {
    const created = await h.request('POST', '/api/admin/components', { body: { name: 'Billing' } });
    const etag = created.headers.get('etag')!;
    const first = await h.request('PATCH', `/api/admin/components/${created.body.id}`, { body: { description: 'Invoices and payments' }, headers: { 'if-match': etag } });
    assert.equal(first.status, 200);
    const second = await h.request('PATCH', `/api/admin/components/${created.body.id}`, { body: { description: 'Overwritten' }, headers: { 'if-match': etag } });
    assert.equal(second.status, 412);
    assert.equal(second.headers.get('content-type'), 'application/problem+json');
    assert.match(second.body.detail, /changed by someone else/);
    const now = await h.request('GET', `/api/admin/components/${created.body.id}`);
    assert.equal(now.body.description, 'Invoices and payments');
  });

  it('answers a retried create with the same Idempotency-Key once, without a second component', async () => {
    const headers = { 'idempotency-key': 'create-cdn-1' };
    const first = await h.request('POST', '/api/admin/components', { body: { name: 'CDN' }, headers });
    const again = await h.request('POST', '/api/admin/components', { body: { name: 'CDN' }, headers });
    assert.equal(again.status, 201);
    assert.equal(again.body.id, first.body.id);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    const reused = await h.request('POST', '/api/admin/components', { body: { name: 'Other' }, headers });
    assert.equal(reused.status, 409);
    const list = await h.request('GET', '/api/admin/components');
    assert.equal(list.body.components.filter((c: any) => c.name === 'CDN').length, 1);
  });

  it('rejects bad input with problem+json pointing at each field', async () => {
    const res = await h.request('POST', '/api/admin/components', { body: { name: '', status: 'melted', extra: 1 } });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    const pointers = res.body.errors.map((e: any) => e.pointer).sort();
    assert.ok(pointers.includes('/name'), JSON.stringify(res.body));
    assert.ok(pointers.includes('/status'));
    const malformed = await h.request('POST', '/api/admin/components', { rawBody: '{"name": ' });
    assert.equal(malformed.status, 400);
    assert.match(malformed.body.type, /malformed-body/);
  });
});
