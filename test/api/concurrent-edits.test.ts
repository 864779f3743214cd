import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';

/**
 * Two people edit the same thing from the same version: the second is refused with 412 and the
 * first edit stays. One case per editable resource that is not covered in its own file.
 */
describe('concurrent edits of workspace, pages, groups and members', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(async () => h?.close());

  const cases: Array<{ name: string; create: (h: Harness) => Promise<string>; first: object; second: object; field: string }> = [
    { name: 'the workspace', create: async () => '/api/admin/workspace', first: { name: 'Acme Cloud SAS' }, second: { name: 'Acme' }, field: 'name' },
    {
      name: 'a status page',
      create: async (h) => `/api/admin/pages/${(await h.request('POST', '/api/admin/pages', { body: { slug: 'status', name: 'Status', language: 'fr', time_zone: 'Europe/Paris' } })).body.id}`,
      first: { name: 'État des services' },
      second: { name: 'Statut' },
      field: 'name',
    },
    {
      name: 'a component group',
      create: async (h) => `/api/admin/component-groups/${(await h.request('POST', '/api/admin/component-groups', { body: { name: 'Storage' } })).body.id}`,
      first: { description: 'Buckets and volumes' },
      second: { description: 'Disks' },
      field: 'description',
    },
  ];

  for (const testCase of cases) {
    it(`keeps the first edit of ${testCase.name} and refuses the stale second one`, async () => {
      const path = await testCase.create(h);
      const read = await h.request('GET', path);
      const etag = read.headers.get('etag');
      assert.ok(etag, `${path} sends no ETag`);
      const first = await h.request('PATCH', path, { body: testCase.first, headers: { 'if-match': etag } });
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.notEqual(first.headers.get('etag'), etag);
      const second = await h.request('PATCH', path, { token: h.tokens.owner, body: testCase.second, headers: { 'if-match': etag } });
      assert.equal(second.status, 412);
      assert.equal(second.headers.get('content-type'), 'application/problem+json');
      assert.match(second.body.detail, /Reload it, reapply your change and save again/);
      assert.equal((await h.request('GET', path)).body[testCase.field], (testCase.first as Record<string, string>)[testCase.field]);
    });
  }

  it('never leaves a workspace without an owner', async () => {
    const members = (await h.request('GET', '/api/admin/members')).body.members;
    const owner = members.find((m: any) => m.role === 'owner');
    const res = await h.request('DELETE', `/api/admin/members/${owner.id}`);
    assert.equal(res.status, 409);
    assert.match(res.body.type, /last-owner/);
  });
});
