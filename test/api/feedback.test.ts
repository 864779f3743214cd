import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';

describe('bounces and complaints reported after sending', () => {
  let h: Harness;
  let sentId: number;
  before(async () => {
    h = await createHarness();
    const [row] = await h.db.db
      .insertInto('deliveries')
      .values([
        { workspace_id: h.workspaceId, dedupe_key: 'test:gone', kind: 'message', channel: 'email', address: 'gone@example.test', language: 'en', state: 'sent', attempts: 1, sent_at: new Date() },
        { workspace_id: h.workspaceId, dedupe_key: 'test:angry', kind: 'message', channel: 'email', address: 'angry@example.test', language: 'fr', state: 'sent', attempts: 1, sent_at: new Date() },
      ])
      .returning('id')
      .execute();
    sentId = Number(row!.id);
  });
  after(async () => h?.close());

  const report = (events: unknown[], token: string | null = h.tokens.comms_lead) => h.request('POST', '/api/admin/suppressions/feedback', { token, body: { events } });

  it('suppresses hard bounces and complaints, leaves soft bounces, fails the delivery its Message-ID names, and says what it refused', async () => {
    const res = await report([
      { type: 'bounce', address: 'Gone@Example.test', message_id: `<${sentId}.${h.workspaceId}@acme.example>`, detail: '550 5.1.1 user unknown' },
      { type: 'bounce', address: 'full@example.test', permanent: false, detail: '452 4.2.2 mailbox full' },
      { type: 'complaint', address: 'angry@example.test' },
      { type: 'bounce', address: 'not an address' },
    ]);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual({ ...res.body, rejected: res.body.rejected.map((r: any) => r.index) }, { received: 4, suppressed: 2, ignored: 1, deliveries_failed: 1, rejected: [3] });

    const suppressions = await h.request('GET', '/api/admin/suppressions', { token: h.tokens.support });
    assert.deepEqual(suppressions.body.suppressions.map((s: any) => [s.address, s.reason, s.detail]), [['angry@example.test', 'complaint', null], ['gone@example.test', 'bounce', '550 5.1.1 user unknown']]);
    const delivery = await h.db.db.selectFrom('deliveries').selectAll().where('id', '=', sentId).executeTakeFirstOrThrow();
    assert.equal(delivery.state, 'failed');
    assert.match(delivery.last_error ?? '', /Bounce reported after sending: 550 5\.1\.1/);
  });

  it('the same report again changes nothing, so a provider may retry its webhook', async () => {
    const again = await report([{ type: 'bounce', address: 'gone@example.test', message_id: `<${sentId}.${h.workspaceId}@acme.example>` }, { type: 'complaint', address: 'angry@example.test' }]);
    assert.deepEqual(again.body, { received: 2, suppressed: 0, ignored: 0, deliveries_failed: 0, rejected: [] });
  });

  it('a Message-ID of another workspace marks nothing; bad input and the wrong role are refused', async () => {
    const foreign = await report([{ type: 'bounce', address: 'other@example.test', message_id: `<${sentId}.otherworkspace@acme.example>` }]);
    assert.equal(foreign.body.deliveries_failed, 0);
    assert.equal((await report([])).status, 400);
    assert.equal((await report([{ type: 'unsubscribe', address: 'a@example.test' }])).status, 400);
    assert.equal((await report([{ type: 'bounce', address: 'a@example.test' }], h.tokens.support)).status, 403);
    assert.equal((await report([{ type: 'bounce', address: 'a@example.test' }], null)).status, 401);
  });
});
