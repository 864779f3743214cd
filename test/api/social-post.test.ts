import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createMastodonPoster } from '../../src/adapters/mastodon/mastodon.ts';
import { startDispatcher, type Dispatcher } from '../../src/surfaces/worker/dispatcher.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { fakeMastodonToken, startFakeMastodon, type FakeMastodon } from '../helpers/fake-mastodon.ts';

describe('posting a social variant to the team’s Mastodon account', () => {
  let h: Harness;
  let mastodon: FakeMastodon;
  let worker: Dispatcher;
  let messageId: string;
  let socialId: string;
  let statusPageId: string;
  let accountId: string;
  before(async () => {
    h = await createHarness();
    mastodon = await startFakeMastodon();
    worker = await startDispatcher({ db: h.db, logger: h.logger, senders: { mastodon: createMastodonPoster() }, publicUrl: 'https://tocsin.example.test', fallbackUrl: 'https://status.example.test', now: h.clock.now, sweepMs: 3_600_000 });
    const account = await h.request('POST', '/api/admin/settings/channels', {
      token: h.tokens.comms_lead,
      body: { name: 'Our Mastodon', kind: 'mastodon', purpose: 'social', audience: 'customers', target: mastodon.receiver.url, access_token: fakeMastodonToken },
    });
    assert.equal(account.status, 201, JSON.stringify(account.body));
    accountId = account.body.id;
    const incident = await h.request('POST', '/api/admin/incidents', { token: h.tokens.incident_lead, body: { name: 'Card payments failing', impact: 'major', body: 'We are investigating.', deliver_notifications: false } });
    const message = await h.request('POST', `/api/admin/incidents/${incident.body.id}/messages`, { token: h.tokens.comms_lead, body: { stage: 'first', audiences: ['customers'], languages: ['fr'], channels: ['status_page', 'social'], network: 'mastodon' } });
    assert.equal(message.status, 201, JSON.stringify(message.body));
    messageId = message.body.id;
    socialId = message.body.variants.find((v: any) => v.channel === 'social').id;
    statusPageId = message.body.variants.find((v: any) => v.channel === 'status_page').id;
  });
  after(async () => {
    await worker?.stop();
    await mastodon?.receiver.close();
    await h?.close();
  });

  const post = (variantId: string, token = h.tokens.comms_lead, endpointId = accountId) =>
    h.request('POST', `/api/admin/messages/${messageId}/variants/${variantId}/post`, { token, body: { endpoint_id: endpointId } });

  it('waits for the message to be published', async () => {
    const early = await post(socialId);
    assert.equal(early.status, 409);
    assert.equal(early.body.type, 'https://tocsin.dev/problems/message-not-published');
    const approved = await h.request('POST', `/api/admin/messages/${messageId}/approvals`, { token: h.tokens.reviewer, body: { override_reason: 'A test: the templates are sent as they are.' } });
    assert.equal(approved.status, 201, JSON.stringify(approved.body));
    const published = await h.request('POST', `/api/admin/messages/${messageId}/publish`, { token: h.tokens.comms_lead });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(published.body.deliveries.social, undefined, 'publishing posts nothing by itself: a person does');
  });

  it('posts the variant once, in its language, with the account’s token; asking again posts nothing more', async () => {
    const queued = await post(socialId);
    assert.equal(queued.status, 202, JSON.stringify(queued.body));
    assert.equal(queued.body.delivery.channel, 'social');
    await worker.run();
    assert.equal(mastodon.statuses.size, 1);
    const [status] = [...mastodon.statuses.values()];
    const variant = (await h.request('GET', `/api/admin/messages/${messageId}`)).body.variants.find((v: any) => v.id === socialId);
    assert.deepEqual(status, { status: variant.body, language: 'fr', visibility: 'public' });
    assert.equal(mastodon.receiver.requests[0]!.headers['idempotency-key'], `${h.workspaceId}-${queued.body.delivery.id}`);

    const again = await post(socialId);
    assert.equal(again.status, 200);
    assert.equal(again.body.delivery.id, queued.body.delivery.id);
    assert.equal(again.body.delivery.state, 'sent');
    await worker.run();
    assert.equal(mastodon.statuses.size, 1);
    const progress = await h.request('GET', `/api/admin/messages/${messageId}/deliveries`);
    assert.equal(progress.body.by_channel.social.sent, 1);
  });

  it('refuses what cannot be posted, and those who may not publish', async () => {
    assert.equal((await post(statusPageId)).status, 400, 'a status-page variant is not a post');
    assert.equal((await post('nosuchvariant')).status, 404);
    assert.equal((await post(socialId, h.tokens.comms_lead, 'nosuchchanne')).status, 404);
    const room = await h.request('POST', '/api/admin/settings/channels', { token: h.tokens.comms_lead, body: { name: 'War room', kind: 'slack', purpose: 'chat', audience: 'customers', target: 'https://hooks.slack.example/services/T0/B0/secret' } });
    assert.equal((await post(socialId, h.tokens.comms_lead, room.body.id)).status, 400, 'a chat room is not a Mastodon account');
    assert.equal((await post(socialId, h.tokens.support)).status, 403);
    assert.equal((await post(socialId, h.tokens.viewer)).status, 403);
  });
});
