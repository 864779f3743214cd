import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { startHttpReceiver, type HttpReceiver } from '../helpers/http-receiver.ts';
import { createChatSender } from '../../src/adapters/chat/chat.ts';
import { createWebhookSender } from '../../src/adapters/webhook/webhook.ts';
import { startDispatcher } from '../../src/surfaces/worker/dispatcher.ts';

describe('the team\'s channels: configured once, sent every publish', () => {
  let h: Harness;
  let receiver: HttpReceiver;
  before(async () => {
    h = await createHarness();
    receiver = await startHttpReceiver();
  });
  after(async () => {
    await receiver?.close();
    await h?.close();
  });

  it('refuses what cannot work, hides secrets, and is for the communications lead', async () => {
    const bad = await h.request('POST', '/api/admin/settings/channels', { body: { name: 'Crisis room', kind: 'slack', purpose: 'chat', audience: 'employees', target: 'http://hooks.slack.com/services/T0/B0/x' } });
    assert.equal(bad.status, 400);
    assert.match(bad.body.detail, /https/);
    const wrongPurpose = await h.request('POST', '/api/admin/settings/channels', { body: { name: 'Toots', kind: 'mastodon', purpose: 'chat', audience: 'customers', target: 'https://mastodon.example', access_token: 'token-0123456789' } });
    assert.equal(wrongPurpose.status, 400);
    assert.equal((await h.request('GET', '/api/admin/settings/channels', { token: h.tokens.viewer })).status, 403);
    const slack = await h.request('POST', '/api/admin/settings/channels', { token: h.tokens.comms_lead, body: { name: 'Slack elsewhere', kind: 'slack', purpose: 'chat', audience: 'employees', target: 'https://example.com/services/T0/B0/secret-part' } });
    assert.equal(slack.status, 201, JSON.stringify(slack.body));
    assert.match(slack.body.warnings[0], /hooks\.slack\.com/);
    assert.equal(slack.body.target, 'https://example.com/services/T0…', 'the secret part of the URL is not shown');
    assert.equal((await h.request('DELETE', `/api/admin/settings/channels/${slack.body.id}`, { token: h.tokens.comms_lead })).status, 204);
  });

  it('a publish reaches the chat room in its format and the helpdesk signed, in the room\'s language', async () => {
    const slack = await h.request('POST', '/api/admin/settings/channels', { body: { name: 'Salle de crise', kind: 'slack', purpose: 'chat', audience: 'customers', language: 'fr', target: `${receiver.url}/slack` } });
    const desk = await h.request('POST', '/api/admin/settings/channels', { body: { name: 'Helpdesk', kind: 'webhook', purpose: 'support_script', audience: 'customers', target: `${receiver.url}/helpdesk` } });
    assert.equal(desk.status, 201);
    assert.match(desk.body.signing_secret, /^whsec_/);

    const incident = await h.request('POST', '/api/admin/incidents', { token: h.tokens.incident_lead, body: { name: 'Card payments failing', impact: 'major', body: 'We are investigating.' } });
    const message = await h.request('POST', `/api/admin/incidents/${incident.body.id}/messages`, { token: h.tokens.comms_lead, body: { stage: 'first', audiences: ['customers'], languages: ['fr', 'en'], channels: ['chat', 'support_script'] } });
    assert.equal(message.status, 201, JSON.stringify(message.body));
    await h.request('POST', `/api/admin/messages/${message.body.id}/approvals`, { token: h.tokens.reviewer, body: { override_reason: 'The template text is what we want to say.' } });
    const published = await h.request('POST', `/api/admin/messages/${message.body.id}/publish`, { token: h.tokens.comms_lead });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.deepEqual(published.body.deliveries, { chat: 1, support_script: 1 });

    const dispatcher = await startDispatcher({ db: h.db, logger: h.logger, senders: { chat: createChatSender(), webhook: createWebhookSender() }, publicUrl: 'https://tocsin.example.test', fallbackUrl: 'https://status.example.test', sweepMs: 3_600_000 });
    try {
      await dispatcher.run();
    } finally {
      await dispatcher.stop();
    }
    const chat = receiver.requests.find((r) => r.path === '/slack')!;
    const frenchChat = message.body.variants.find((v: any) => v.channel === 'chat' && v.language === 'fr');
    const payload = JSON.parse(chat.body);
    assert.ok(Array.isArray(payload.blocks), 'Slack blocks');
    assert.match(JSON.stringify(payload), new RegExp(frenchChat.body.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'the French variant, for a French room');

    const hook = receiver.requests.find((r) => r.path === '/helpdesk')!;
    const verified = new Webhook(desk.body.signing_secret).verify(hook.body, hook.headers) as any;
    assert.equal(verified.type, 'support_script.published');
    assert.equal(verified.data.incident.name, 'Card payments failing');
    assert.equal(verified.data.support_script.language, 'en', 'the workspace\'s language when the endpoint names none');
    const progress = await h.request('GET', `/api/admin/messages/${message.body.id}/deliveries`);
    assert.equal(progress.body.percent, 100);
    assert.equal(progress.body.by_channel.chat.sent, 1);
  });
});
