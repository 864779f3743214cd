import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';

interface Operation {
  method: string;
  path: string;
  bodySchema: { properties?: Record<string, { type?: string | string[]; enum?: unknown[] }> } | undefined;
}

const unknownId = 'zzzzzzzzzzzz';

/** A value of the wrong JSON type for a property, whatever its declared type. */
function wrongType(schema: { type?: string | string[] } | undefined): unknown {
  const types = ([] as string[]).concat(schema?.type ?? []);
  if (types.includes('string')) return 12_345;
  if (types.includes('array')) return { not: 'an array' };
  return 'not the right type';
}

describe('bad input on every admin route: a clear problem, nothing written', () => {
  let h: Harness;
  let operations: Operation[];
  const auditCount = async () => (await h.db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

  before(async () => {
    h = await createHarness();
    const document = (await h.request('GET', '/api/openapi.json', { token: null })).body;
    operations = [];
    for (const [path, item] of Object.entries<Record<string, any>>(document.paths)) {
      if (!path.startsWith('/api/admin/')) continue;
      for (const [method, operation] of Object.entries(item)) {
        operations.push({ method: method.toUpperCase(), path, bodySchema: operation.requestBody?.content?.['application/json']?.schema });
      }
    }
  });
  after(async () => h?.close());

  const withUnknownIds = (path: string) => path.replace(/\{[^}]+\}/g, unknownId);

  it('answers malformed JSON with 400 problem+json on every route that takes a body', async () => {
    for (const operation of operations.filter((o) => o.bodySchema)) {
      const before = await auditCount();
      const res = await h.request(operation.method, withUnknownIds(operation.path), { rawBody: '{"name": "unterminated' });
      assert.ok([400, 404].includes(res.status), `${operation.method} ${operation.path}: ${res.status}`);
      assert.equal(res.headers.get('content-type'), 'application/problem+json', `${operation.method} ${operation.path}`);
      assert.ok(res.body.detail.length > 10);
      assert.equal(await auditCount(), before);
    }
  });

  it('answers wrong types and unknown enum values with a pointer to each field', async () => {
    for (const operation of operations.filter((o) => o.bodySchema?.properties && !o.path.includes('{'))) {
      const properties = operation.bodySchema!.properties!;
      const body = Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, schema.enum ? 'not-a-known-value' : wrongType(schema)]));
      const before = await auditCount();
      const res = await h.request(operation.method, operation.path, { body });
      assert.equal(res.status, 400, `${operation.method} ${operation.path} accepted ${JSON.stringify(body)}: ${JSON.stringify(res.body)}`);
      assert.ok(Array.isArray(res.body.errors) && res.body.errors.length > 0, `${operation.method} ${operation.path} gave no errors[]`);
      for (const issue of res.body.errors) assert.match(issue.pointer, /^\//);
      assert.equal(await auditCount(), before, `${operation.method} ${operation.path} wrote something`);
    }
  });

  it('refuses oversized strings and bodies over 1 MB', async () => {
    for (const operation of operations.filter((o) => o.bodySchema?.properties && !o.path.includes('{'))) {
      const properties = operation.bodySchema!.properties!;
      const stringFields = Object.entries(properties).filter(([, schema]) => ([] as string[]).concat(schema.type ?? []).includes('string') && !schema.enum);
      if (stringFields.length === 0) continue;
      const body = Object.fromEntries(stringFields.map(([name]) => [name, 'x'.repeat(25_000)]));
      const res = await h.request(operation.method, operation.path, { body });
      assert.equal(res.status, 400, `${operation.method} ${operation.path} accepted 25,000-character strings`);
    }
    const huge = await h.request('POST', '/api/admin/components', { rawBody: JSON.stringify({ name: 'x', description: 'y'.repeat(1_100_000) }) });
    assert.equal(huge.status, 413);
    assert.match(huge.body.type, /body-too-large/);
  });

  it('answers an unknown id with 404 problem+json', async () => {
    for (const operation of operations.filter((o) => o.path.includes('{'))) {
      const res = await h.request(operation.method, withUnknownIds(operation.path), { body: operation.method === 'GET' || operation.method === 'DELETE' ? undefined : {} });
      assert.ok([404, 400].includes(res.status), `${operation.method} ${operation.path}: ${res.status}`);
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
    }
  });

  it('refuses a malformed If-Match instead of ignoring it', async () => {
    const created = await h.request('POST', '/api/admin/components', { body: { name: 'Queue' } });
    const res = await h.request('PATCH', `/api/admin/components/${created.body.id}`, { body: { name: 'Queues' }, headers: { 'if-match': 'yesterday' } });
    assert.equal(res.status, 400);
    assert.match(res.body.type, /if-match-malformed/);
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const res = await h.request('GET', '/api/admin/nothing-here');
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
  });
});
