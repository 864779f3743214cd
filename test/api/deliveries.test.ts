import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';
import type { DeliveryState } from '../../src/domain/delivery/channels.ts';

describe('delivery progress and dead letters through the admin API', () => {
  let h: Harness;
  let messageId: string;
  before(async () => {
    h = await createHarness();
    const incident = await h.request('POST', '/api/admin/incidents', { token: h.tokens.incident_lead, body: { name: 'Mail relay down', impact: 'minor', body: 'We are investigating.' } });
    const message = await h.request('POST', `/api/admin/incidents/${incident.body.id}/messages`, { token: h.tokens.comms_lead, body: { stage: 'first', audiences: ['customers'], languages: ['en'], channels: ['email'] } });
    messageId = message.body.id;
    const rows: Array<[string, DeliveryState]> = [['email', 'sent'], ['email', 'sent'], ['email', 'pending'], ['email', 'dead'], ['sms', 'failed'], ['webhook', 'sending']];
    await h.db.db
      .insertInto('deliveries')
      .values(rows.map(([channel, state], i) => ({
        workspace_id: h.workspaceId, dedupe_key: `test:${i}`, kind: 'message' as const, message_id: messageId, channel: channel as 'email', address: `r${i}@example.test`, language: 'en' as const, state,
        attempts: state === 'dead' ? 10 : 1, sent_at: state === 'sent' ? new Date(Date.UTC(2026, 2, 10, 14, i)) : null, last_error: state === 'dead' ? '421 try later' : null,
      })))
      .execute();
  });
  after(async () => h?.close());

  const progress = (token = h.tokens.viewer, headers: Record<string, string> = {}) => h.request('GET', `/api/admin/messages/${messageId}/deliveries`, { token, headers });

  it('counts each channel by state, with the share settled and the first and last sending', async () => {
    const res = await progress();
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.total, 6);
    assert.equal(res.body.settled, 4, 'sent, dead and failed are settled; pending and sending are not');
    assert.equal(res.body.percent, 66.6);
    assert.deepEqual(Object.keys(res.body.by_channel), ['email', 'sms', 'webhook']);
    assert.deepEqual(res.body.by_channel.email, { pending: 1, sending: 0, sent: 2, failed: 0, dead: 1, cancelled: 0 });
    assert.equal(res.body.first_sent_at, '2026-03-10T14:00:00.000Z');
    assert.equal(res.body.last_sent_at, '2026-03-10T14:01:00.000Z');
    assert.equal((await h.request('GET', '/api/admin/messages/nosuchmessage/deliveries')).status, 404);
  });

  it('lists dead letters and replays one under the same id; those who may not publish may not replay', async () => {
    const dead = await h.request('GET', `/api/admin/deliveries/dead-letters?message_id=${messageId}`, { token: h.tokens.support });
    assert.equal(dead.status, 200);
    assert.deepEqual(dead.body.deliveries.map((d: any) => [d.channel, d.state]), [['sms', 'failed'], ['email', 'dead']]);
    const [, letter] = dead.body.deliveries;
    assert.equal(letter.last_error, '421 try later');
    assert.equal((await h.request('POST', `/api/admin/deliveries/${letter.id}/retry`, { token: h.tokens.support })).status, 403);
    const retried = await h.request('POST', `/api/admin/deliveries/${letter.id}/retry`, { token: h.tokens.comms_lead });
    assert.deepEqual(retried.body, { retried: 1 });
    const row = await h.db.db.selectFrom('deliveries').selectAll().where('id', '=', Number(letter.id)).executeTakeFirstOrThrow();
    assert.equal(row.state, 'pending');
    assert.equal(row.attempts, 0, 'a replay gets its retries afresh');
    const again = await h.request('POST', `/api/admin/deliveries/${letter.id}/retry`, { token: h.tokens.comms_lead });
    assert.equal(again.status, 409, 'it is pending, not dead');
    assert.equal((await h.request('POST', '/api/admin/deliveries/999999/retry', { token: h.tokens.comms_lead })).status, 404);
  });

  it('never shows a chat room’s webhook URL, a credential, in the dead letters: only its host', async () => {
    await h.db.db
      .insertInto('deliveries')
      .values({ workspace_id: h.workspaceId, dedupe_key: 'test:room', kind: 'message', channel: 'chat', endpoint_id: 'room00000001', address: 'https://hooks.slack.example/services/T0/B0/s3cr3t', language: 'en', state: 'dead', attempts: 10 })
      .execute();
    const dead = await h.request('GET', '/api/admin/deliveries/dead-letters', { token: h.tokens.support });
    const room = dead.body.deliveries.find((d: any) => d.channel === 'chat');
    assert.equal(room.address, 'https://hooks.slack.example/…');
    assert.doesNotMatch(JSON.stringify(dead.body), /s3cr3t/);
  });

  it('streams progress as server-sent events until every delivery is settled', async () => {
    await h.db.db.updateTable('deliveries').set({ state: 'sent', sent_at: new Date() }).where('message_id', '=', messageId).where('state', 'in', ['pending', 'sending']).execute();
    const res = await progress(h.tokens.viewer, { accept: 'text/event-stream' });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
    const events = String(res.body).split('\n\n').filter((block) => block.includes('event: progress'));
    assert.equal(events.length, 1, 'settled at once: one event, then the stream ends');
    const data = JSON.parse(events[0]!.split('\n').find((line) => line.startsWith('data: '))!.slice(6));
    assert.equal(data.settled, data.total);
    assert.equal(data.percent, 100);
  });
});
