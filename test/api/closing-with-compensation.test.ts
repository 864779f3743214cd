import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';

/** Issue #9, done when: "a closing with compensation tracked to delivery". */
describe('a closing with compensation tracked to delivery', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(async () => h?.close());

  const approveAndPublish = async (messageId: string) => {
    const approved = await h.request('POST', `/api/admin/messages/${messageId}/approvals`, { token: h.tokens.reviewer, body: {} });
    assert.equal(approved.status, 201, JSON.stringify(approved.body));
    return h.request('POST', `/api/admin/messages/${messageId}/publish`, { token: h.tokens.comms_lead });
  };

  it('the incident cannot be closed publicly while the announced gesture is undelivered; delivered, its promise is kept and the closing goes out', async () => {
    h.clock.set('2026-03-10T14:00:00Z');
    const mail = await h.request('POST', '/api/admin/components', { body: { name: 'Mail' } });
    const opened = await h.request('POST', '/api/admin/incidents', { token: h.tokens.incident_lead, body: { name: 'Mail down', impact: 'major', body: 'We are investigating.', component_ids: [mail.body.id] } });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    const incidentId = opened.body.id as string;
    const base = `/api/admin/incidents/${incidentId}/compensation`;

    h.clock.set('2026-03-10T17:00:00Z');
    const resolved = await h.request('POST', `/api/admin/incidents/${incidentId}/updates`, { token: h.tokens.incident_lead, body: { status: 'resolved', body: 'Mail works again for everyone since 16:45.' } });
    assert.equal(resolved.status, 201, JSON.stringify(resolved.body));

    h.clock.set('2026-03-11T09:00:00Z');
    const gesture = await h.request('POST', base, { token: h.tokens.comms_lead, body: { kind: 'free_period', period_count: 1, period_unit: 'month', due_at: '2026-03-31T12:00:00Z' } });
    assert.equal(gesture.status, 201, JSON.stringify(gesture.body));
    const announced = await h.request('POST', `${base}/${gesture.body.id}/announce`, { token: h.tokens.comms_lead });
    assert.equal(announced.status, 200, JSON.stringify(announced.body));
    const announcement = await approveAndPublish(announced.body.message_id);
    assert.equal(announcement.status, 200, JSON.stringify(announcement.body));
    const promise = (await h.request('GET', `${base}/${gesture.body.id}`)).body.promise;
    assert.equal(promise.state, 'pending');

    h.clock.set('2026-03-12T09:00:00Z');
    const closing = await h.request('POST', `/api/admin/incidents/${incidentId}/messages`, { token: h.tokens.comms_lead, body: { stage: 'closing', audiences: ['customers'], languages: ['en'], channels: ['status_page'] } });
    assert.equal(closing.status, 201, JSON.stringify(closing.body));
    const variant = closing.body.variants[0];
    const rewritten = await h.request('PATCH', `/api/admin/messages/${closing.body.id}/variants/${variant.id}`, {
      token: h.tokens.comms_lead,
      headers: { 'if-match': `"${variant.version}"` },
      body: {
        body: 'On 10 March from 3 pm to 4:45 pm, our customers could not send or receive e-mail. A configuration change on our mail servers caused it; we have since added an automatic check before every change. We apologise for the inconvenience. Questions or feedback: support@acme.example.',
      },
    });
    assert.equal(rewritten.status, 200, JSON.stringify(rewritten.body));

    const blocked = await approveAndPublish(closing.body.id);
    assert.equal(blocked.status, 409, JSON.stringify(blocked.body));
    assert.match(blocked.body.type, /promises-pending/);
    assert.ok(blocked.body.errors.some((e: any) => e.pointer === `/promises/${promise.id}`), JSON.stringify(blocked.body.errors));
    assert.notEqual((await h.request('GET', `/api/admin/messages/${closing.body.id}`)).body.state, 'published', 'nothing was published');

    h.clock.set('2026-03-20T09:00:00Z');
    const delivered = await h.request('POST', `${base}/${gesture.body.id}/delivered`, { token: h.tokens.comms_lead });
    assert.equal(delivered.status, 200, JSON.stringify(delivered.body));
    assert.equal(delivered.body.promise.state, 'kept');

    const published = await h.request('POST', `/api/admin/messages/${closing.body.id}/publish`, { token: h.tokens.comms_lead });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal((await h.request('GET', `/api/admin/incidents/${incidentId}`)).body.status, 'postmortem');
    const sheet = await h.request('GET', `/api/admin/incidents/${incidentId}/facts`);
    assert.deepEqual(sheet.body.promised.filter((p: any) => p.promise_kind === 'compensation').map((p: any) => p.state), ['kept']);
  });
});
