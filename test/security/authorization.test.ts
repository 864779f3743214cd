import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { can, roles, type Permission } from '../../src/domain/access/roles.ts';

interface Operation {
  method: string;
  path: string;
  permission: Permission | undefined;
}

/** Every admin operation the OpenAPI document lists, with a placeholder for each path parameter. */
async function adminOperations(h: Harness): Promise<Operation[]> {
  const document = (await h.request('GET', '/api/openapi.json', { token: null })).body;
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries<Record<string, any>>(document.paths)) {
    if (!path.startsWith('/api/admin/')) continue;
    for (const [method, operation] of Object.entries(item)) {
      operations.push({ method: method.toUpperCase(), path: path.replace(/\{[^}]+\}/g, 'aaaaaaaaaaaa'), permission: operation['x-tocsin-permission'] });
    }
  }
  return operations;
}

describe('authorization on every admin route of the OpenAPI document', () => {
  let h: Harness;
  let operations: Operation[];
  before(async () => {
    h = await createHarness();
    operations = await adminOperations(h);
  });
  after(async () => h?.close());

  it('lists the admin routes, each naming the permission it requires', () => {
    assert.ok(operations.length >= 20, `only ${operations.length} admin operations documented`);
    for (const operation of operations) assert.ok(operation.permission, `${operation.method} ${operation.path} names no permission`);
  });

  it('refuses an anonymous caller with 401 problem+json everywhere', async () => {
    for (const operation of operations) {
      const res = await h.request(operation.method, operation.path, { token: null, body: operation.method === 'GET' || operation.method === 'DELETE' ? undefined : {} });
      assert.equal(res.status, 401, `${operation.method} ${operation.path} answered ${res.status} to an anonymous caller`);
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
    }
  });

  it('refuses a forged or revoked token', async () => {
    const forged = `tsn_${h.workspaceId}_aaaaaaaaaaaa_${'A'.repeat(43)}`;
    assert.equal((await h.request('GET', '/api/admin/components', { token: forged })).status, 401);
    const created = await h.request('POST', '/api/admin/tokens', { body: { name: 'temporary', role: 'owner' } });
    assert.equal((await h.request('GET', '/api/admin/components', { token: created.body.token })).status, 200);
    await h.request('DELETE', `/api/admin/tokens/${created.body.id}`);
    assert.equal((await h.request('GET', '/api/admin/components', { token: created.body.token })).status, 401);
  });

  for (const role of roles) {
    it(`gives a ${role} exactly the routes its role allows`, async () => {
      for (const operation of operations) {
        const res = await h.request(operation.method, operation.path, { token: h.tokens[role], body: operation.method === 'GET' || operation.method === 'DELETE' ? undefined : {} });
        const allowed = can(role, operation.permission!);
        if (allowed) assert.ok(res.status !== 401 && res.status !== 403, `${role} was refused ${operation.method} ${operation.path} (${res.status})`);
        else assert.equal(res.status, 403, `${role} was not refused ${operation.method} ${operation.path} (${res.status})`);
      }
    });
  }

  it('a viewer refused a write leaves nothing behind', async () => {
    const before = await h.request('GET', '/api/admin/components');
    const res = await h.request('POST', '/api/admin/components', { token: h.tokens.viewer, body: { name: 'Sneaky' } });
    assert.equal(res.status, 403);
    assert.match(res.body.detail, /viewer/);
    const afterList = await h.request('GET', '/api/admin/components');
    assert.deepEqual(afterList.body, before.body);
  });
});
