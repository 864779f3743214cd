import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../../../test/helpers/harness.ts';

const minute = 60_000;

/** The publish confirmation's numbers and the review's "changed since approval", through the admin API. */
describe('publish preview and the text as approved', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(async () => h?.close());

  async function ok<T = any>(method: string, path: string, options: Parameters<Harness['request']>[2] = {}): Promise<T> {
    const res = await h.request(method, path, options);
    assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  async function draft(channels: string[], token = h.tokens.comms_lead, componentIds: string[] = []) {
    const incident = await ok('POST', '/api/admin/incidents', { token: h.tokens.incident_lead, body: { name: 'Card payments failing', impact: 'major', body: 'We are investigating.', component_ids: componentIds } });
    return ok('POST', `/api/admin/incidents/${incident.id}/messages`, { token, body: { stage: 'first', audiences: ['customers'], languages: ['fr', 'en'], channels } });
  }
  const approve = (messageId: string) => ok('POST', `/api/admin/messages/${messageId}/approvals`, { token: h.tokens.reviewer, body: { override_reason: 'The placeholders are filled by the incident lead at publish.' } });

  it('counts per channel and language exactly the recipients the publish then queues, and writes nothing', async () => {
    const payments = await ok('POST', '/api/admin/components', { body: { name: 'Card payments' } });
    const elsewhere = await ok('POST', '/api/admin/components', { body: { name: 'Invoicing' } });
    const [en, fr] = [await ok('POST', '/api/admin/pages', { body: { slug: 'status', name: 'Status', language: 'en', time_zone: 'Europe/Paris' } }), await ok('POST', '/api/admin/pages', { body: { slug: 'statut', name: 'Statut', language: 'fr', time_zone: 'Europe/Paris' } })];
    const subscribe = (page: { id: string }, body: Record<string, unknown>) => ok('POST', `/api/admin/pages/${page.id}/subscribers`, { body });
    await subscribe(en, { channel: 'email', address: 'sam@example.test', language: 'en' });
    await subscribe(fr, { channel: 'email', address: 'lea@example.test', language: 'fr' });
    await subscribe(en, { channel: 'email', address: 'lea@example.test', language: 'fr' });
    await subscribe(en, { channel: 'email', address: 'invoices-only@example.test', language: 'en', component_ids: [elsewhere.id] });
    await subscribe(fr, { channel: 'email', address: 'bounced@example.test', language: 'fr' });
    await ok('POST', '/api/admin/suppressions', { body: { channel: 'email', address: 'bounced@example.test' } });
    await subscribe(fr, { channel: 'sms', address: '+33612345678', language: 'fr' });
    await subscribe(en, { channel: 'webhook', address: 'https://hooks.example.test/status', language: 'en' });
    const room = (name: string, audience: string, enabled = true) =>
      ok('POST', '/api/admin/settings/channels', { token: h.tokens.comms_lead, body: { name, kind: 'slack', purpose: 'chat', audience, language: 'fr', target: 'http://127.0.0.1:9/hooks/room', enabled } });
    await room('#clients', 'customers');
    await room('#clients-archive', 'customers', false);
    await room('#staff', 'employees');

    const message = await draft(['status_page', 'email', 'sms', 'chat'], h.tokens.comms_lead, [payments.id]);
    const preview = await ok('GET', `/api/admin/messages/${message.id}/publish-preview`, { token: h.tokens.comms_lead });
    assert.deepEqual(preview.status_page, { audience: 'customers', languages: ['en', 'fr'] });
    const byChannel = Object.fromEntries(preview.channels.map((reach: any) => [reach.channel, reach]));
    assert.deepEqual(byChannel.email.languages, { en: 1, fr: 1 }, 'each address once, in its language; the suppressed and the uninterested left out');
    assert.equal(byChannel.sms.recipients, 1);
    assert.equal(byChannel.webhook.recipients, 1);
    assert.deepEqual(byChannel.chat.endpoints, [{ name: '#clients', kind: 'slack', language: 'fr' }], 'a switched-off room and a room of another audience get nothing');
    assert.equal(preview.total, 5);
    const queued = await h.db.db.selectFrom('deliveries').select((eb) => eb.fn.countAll<number>().as('count')).where('message_id', '=', message.id).executeTakeFirstOrThrow();
    assert.equal(Number(queued.count), 0, 'a preview queues nothing');

    assert.equal((await h.request('GET', `/api/admin/messages/${message.id}/publish-preview`, { token: h.tokens.reviewer })).status, 403, 'those who may not publish do not see the reach');
    await approve(message.id);
    const published = await ok('POST', `/api/admin/messages/${message.id}/publish`, { token: h.tokens.comms_lead });
    assert.deepEqual(published.deliveries, Object.fromEntries(preview.channels.map((reach: any) => [reach.channel, reach.recipients])));
    const again = await h.request('GET', `/api/admin/messages/${message.id}/publish-preview`, { token: h.tokens.comms_lead });
    assert.equal(again.status, 409);
  });

  it('keeps subscribers out when the message does not notify them', async () => {
    const message = await draft(['status_page', 'email']);
    await ok('PATCH', `/api/admin/messages/${message.id}`, { token: h.tokens.comms_lead, body: { notify_subscribers: false } });
    const preview = await ok('GET', `/api/admin/messages/${message.id}/publish-preview`, { token: h.tokens.incident_lead });
    assert.deepEqual(preview.channels, []);
    assert.equal(preview.total, 0);
    assert.equal(preview.notify_subscribers, false);
  });

  it('gives the text as approved after edits, additions and removals, and says when a moved next update makes it unknown', async () => {
    h.clock.set('2026-03-10T14:00:00Z');
    const message = await draft(['status_page', 'email']);
    const none = await ok('GET', `/api/admin/messages/${message.id}/approved-content`, { token: h.tokens.viewer });
    assert.equal(none.approval, null);

    await approve(message.id);
    const fresh = await ok('GET', `/api/admin/messages/${message.id}/approved-content`, { token: h.tokens.viewer });
    assert.equal(fresh.current, true);
    assert.equal(fresh.complete, true);
    assert.equal(fresh.approval.actor.name, 'token reviewer token');

    const email = message.variants.find((v: any) => v.language === 'en' && v.channel === 'email');
    const page = message.variants.find((v: any) => v.language === 'fr' && v.channel === 'status_page');
    await ok('PATCH', `/api/admin/messages/${message.id}/variants/${email.id}`, { token: h.tokens.comms_lead, body: { body: 'Card payments fail for some customers.' }, headers: { 'if-match': `"${email.version}"` } });
    await ok('PATCH', `/api/admin/messages/${message.id}/variants/${email.id}`, { token: h.tokens.comms_lead, body: { subject: 'Card payments failing' } });
    const added = await ok('POST', `/api/admin/messages/${message.id}/variants`, { token: h.tokens.comms_lead, body: { audience: 'customers', language: 'en', channel: 'sms' } });
    await ok('DELETE', `/api/admin/messages/${message.id}/variants/${page.id}`, { token: h.tokens.comms_lead });

    const changed = await ok('GET', `/api/admin/messages/${message.id}/approved-content`, { token: h.tokens.viewer });
    assert.equal(changed.current, false);
    assert.equal(changed.complete, true, 'every change since is undone from the record, and the result is what was approved');
    const strip = (v: any) => ({ id: v.id, subject: v.subject, body: v.body });
    assert.deepEqual(changed.variants.map(strip).sort((a: any, b: any) => a.id.localeCompare(b.id)), message.variants.map(strip).sort((a: any, b: any) => a.id.localeCompare(b.id)));
    assert.ok(!changed.variants.some((v: any) => v.id === added.id), 'a variant added since was not approved');

    await approve(message.id);
    const moved = await ok('GET', `/api/admin/messages/${message.id}`, { token: h.tokens.viewer });
    await ok('PATCH', `/api/admin/messages/${message.id}`, { token: h.tokens.comms_lead, body: { next_update_at: new Date(h.clock.now().getTime() + 45 * minute).toISOString() } });
    const rewritten = await ok('GET', `/api/admin/messages/${message.id}/approved-content`, { token: h.tokens.viewer });
    assert.equal(rewritten.next_update_at, moved.next_update_at, 'the time promised when it was approved');
    assert.ok(rewritten.variants.some((v: any) => v.body === null), 'a text the new time rewrote is not claimed');
    assert.equal(rewritten.complete, false);
  });
});
