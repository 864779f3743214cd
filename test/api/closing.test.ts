import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';

/**
 * A card-payment outage on the test clock (Paris, UTC+1): detected 14:20, public 15:00, cause found
 * 15:45. During it the team promised a written review, a month free and a call to key accounts.
 */
describe('closing an incident: the promise gate and the closing message, through the admin API', () => {
  let h: Harness;
  let incidentId: string;
  const promises: Record<'review' | 'gesture' | 'call', string> = { review: '', gesture: '', call: '' };

  const check = async (id = incidentId) => {
    const res = await h.request('GET', `/api/admin/incidents/${id}/closing-check`, { token: h.tokens.viewer });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  };
  const promise = (action: 'keep' | 'follow-up' | 'drop', id: string, body?: object, token = h.tokens.comms_lead, incident = incidentId) =>
    h.request('POST', `/api/admin/incidents/${incident}/promises/${id}/${action}`, { token, ...(body ? { body } : {}) });
  const incidentStatus = async (id = incidentId) => (await h.request('GET', `/api/admin/incidents/${id}`, { token: h.tokens.viewer })).body.status;

  before(async () => {
    h = await createHarness();
    h.clock.set('2026-03-10T14:00:00Z');
    const component = await h.request('POST', '/api/admin/components', { body: { name: 'Card payments' } });
    assert.equal(component.status, 201, JSON.stringify(component.body));
    const opened = await h.request('POST', '/api/admin/incidents', {
      token: h.tokens.incident_lead,
      body: { name: 'Card payments failing', impact: 'major', component_ids: [component.body.id], body: 'Card payments fail. Next update at 3:30 pm.', detected_at: '2026-03-10T13:20:00Z', next_update_at: '2026-03-10T14:30:00Z', deliver_notifications: false },
    });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    incidentId = opened.body.id;
    const entry = async (body: object) => {
      const res = await h.request('POST', `/api/admin/incidents/${incidentId}/facts/entries`, { token: h.tokens.comms_lead, body });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.id as string;
    };
    h.clock.set('2026-03-10T14:40:00Z');
    await entry({ kind: 'known', text: 'An update to our payment software contained an error, which caused the failures.', source: 'On-call' });
    await entry({ kind: 'known', text: 'We have added an automatic test before each update.', source: 'On-call' });
    promises.review = await entry({ kind: 'promised', promise_kind: 'follow_up_report', text: 'We will publish the full incident review', due_at: '2026-03-17T09:00:00Z' });
    promises.gesture = await entry({ kind: 'promised', promise_kind: 'compensation', text: 'One month free for affected customers', due_at: '2026-03-10T15:00:00Z' });
    promises.call = await entry({ kind: 'promised', promise_kind: 'other', text: 'A call with each key account' });
    h.clock.set('2026-03-10T14:45:00Z');
    const identified = await h.request('POST', `/api/admin/incidents/${incidentId}/updates`, {
      token: h.tokens.incident_lead, body: { status: 'identified', body: 'We found the cause. Next update at 5 pm.', next_update_at: '2026-03-10T16:00:00Z', deliver_notifications: false },
    });
    assert.equal(identified.status, 201, JSON.stringify(identified.body));
    h.clock.set('2026-03-10T16:20:00Z');
  });
  after(async () => h?.close());

  it('lists what blocks the close: each pending promise, overdue ones marked, but not the next update the close itself settles', async () => {
    const body = await check();
    assert.equal(body.can_close, false);
    assert.deepEqual(body.blockers.map((b: any) => [b.text, b.promise_kind, b.overdue]), [
      ['One month free for affected customers', 'compensation', true],
      ['We will publish the full incident review', 'follow_up_report', false],
      ['A call with each key account', 'other', false],
    ]);
    assert.equal(body.next_update_promises_settled_by_close, 1);
    assert.deepEqual(body.follow_ups, []);
  });

  it('refuses to resolve, or to post a resolved update, while promises are pending: 409 naming each, and the incident stays open', async () => {
    for (const [path, body] of [['resolve', {}], ['updates', { status: 'resolved', body: 'Card payments work again.' }]] as const) {
      const res = await h.request('POST', `/api/admin/incidents/${incidentId}/${path}`, { token: h.tokens.incident_lead, body });
      assert.equal(res.status, 409, JSON.stringify(res.body));
      assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
      assert.match(res.body.detail, /3 promises are still pending/);
      for (const text of ['One month free', 'full incident review', 'key account']) assert.ok(res.body.detail.includes(text), `${path}: names "${text}"`);
      assert.deepEqual(res.body.errors.map((e: any) => e.pointer).sort(), Object.values(promises).map((id) => `/promises/${id}`).sort());
    }
    assert.equal(await incidentStatus(), 'identified');
  });

  it('needs a written reason to drop a promise (400 pointing at it), and keeps the promise pending', async () => {
    for (const body of [{}, { reason: '   ' }]) {
      const res = await promise('drop', promises.call, body);
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.deepEqual(res.body.errors.map((e: any) => e.pointer), ['/reason']);
    }
    assert.ok((await check()).blockers.some((b: any) => b.id === promises.call));
  });

  it('lets only those who keep the fact sheet settle promises', async () => {
    for (const role of ['viewer', 'reviewer', 'support'] as const) {
      assert.equal((await promise('keep', promises.gesture, undefined, h.tokens[role])).status, 403, role);
    }
    assert.equal((await check()).blockers.length, 3);
  });

  it('clears the gate once each promise is kept, moved to the follow-up list or dropped with a reason, and settles each only once', async () => {
    const kept = await promise('keep', promises.gesture);
    assert.equal(kept.status, 200, JSON.stringify(kept.body));
    assert.deepEqual([kept.body.state, kept.body.follow_up], ['kept', null]);
    const moved = await promise('follow-up', promises.review, { note: 'Léa writes it with the SRE team' });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.state, 'pending');
    assert.equal(moved.body.follow_up.note, 'Léa writes it with the SRE team');
    const dropped = await promise('drop', promises.call, { reason: 'Key accounts got a personal e-mail from their account manager instead.' });
    assert.deepEqual([dropped.status, dropped.body.state, dropped.body.state_reason], [200, 'dropped', 'Key accounts got a personal e-mail from their account manager instead.']);

    assert.equal((await promise('keep', promises.gesture)).status, 409, 'kept already');
    assert.equal((await promise('follow-up', promises.review)).status, 409, 'on the list already');
    const sheet = (await h.request('GET', `/api/admin/incidents/${incidentId}/facts`, { token: h.tokens.viewer })).body;
    const nextUpdate = sheet.promised.filter((p: any) => p.promise_kind === 'next_update').at(-1);
    const refused = await promise('follow-up', nextUpdate.id);
    assert.deepEqual([refused.status, refused.body.detail.includes('next public update')], [409, true]);

    const body = await check();
    assert.deepEqual([body.can_close, body.blockers], [true, []]);
    assert.deepEqual(body.follow_ups.map((p: any) => p.id), [promises.review]);
  });

  it('drafts the closing per audience and language from the timeline and the sheet, marking the feedback channel until it is set', async () => {
    const draft = await h.request('GET', `/api/admin/incidents/${incidentId}/closing-draft?audience=customers&language=en&channel=email`, { token: h.tokens.viewer });
    assert.equal(draft.status, 200, JSON.stringify(draft.body));
    const { sections } = draft.body;
    assert.deepEqual(sections.chronology.map((l: any) => l.text), ['2:20 pm: we detected the problem.', '3 pm: we informed you on our status page.', '3:45 pm: we found the cause.']);
    assert.equal(sections.cause, 'An update to our payment software contained an error, which caused the failures.');
    assert.deepEqual(sections.corrective_actions, ['We have added an automatic test before each update.']);
    assert.deepEqual(sections.next_steps.map((s: any) => s.promise_id), [promises.review]);
    assert.deepEqual(draft.body.missing, ['feedback']);
    assert.match(draft.body.body, /\[to fill: contact\]/);
    assert.equal(draft.body.subject, 'Incident of 10 March: what happened');

    const unknown = await h.request('GET', `/api/admin/incidents/${incidentId}/closing-draft?audience=martians`, { token: h.tokens.viewer });
    assert.deepEqual([unknown.status, unknown.body.errors?.[0]?.pointer], [400, '/audience']);
    assert.equal((await h.request('PUT', '/api/admin/closing/settings', { token: h.tokens.viewer, body: { feedback_contact: 'support@acme.test' } })).status, 403);
    const set = await h.request('PUT', '/api/admin/closing/settings', { token: h.tokens.comms_lead, body: { feedback_contact: 'support@acme.test' }, headers: { 'if-match': '"0"' } });
    assert.deepEqual([set.status, set.body.feedback_contact, set.body.version], [200, 'support@acme.test', 1]);
    const fr = await h.request('GET', `/api/admin/incidents/${incidentId}/closing-draft?language=fr&channel=status_page`, { token: h.tokens.viewer });
    assert.deepEqual([fr.body.language, fr.body.missing], ['fr', ['cause', 'corrective_actions']], 'the known facts are in English: a French reader\'s cause is still to write');
    assert.match(fr.body.body, /^Le 10 mars, de 14 h 20 à 16 h 20, un incident a commencé|^Le 10 mars à 14 h 20, un incident a commencé à toucher Card payments\./);
    assert.match(fr.body.body, /Vos questions et remarques sont les bienvenues : support@acme\.test/);
  });

  it('creates the closing message, which goes through review and closes the incident publicly with the follow-up still tracked', async () => {
    assert.equal((await h.request('POST', `/api/admin/incidents/${incidentId}/closing`, { token: h.tokens.viewer, body: { audiences: ['customers'], languages: ['en'], channels: ['email'] } })).status, 403);
    const created = await h.request('POST', `/api/admin/incidents/${incidentId}/closing`, { token: h.tokens.comms_lead, body: { audiences: ['customers'], languages: ['en'], channels: ['status_page', 'email', 'sms'] } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.stage, 'closing');
    assert.deepEqual(created.body.blockers, []);
    const email = created.body.variants.find((v: any) => v.channel === 'email');
    assert.equal(email.subject, 'Incident of 10 March: what happened');
    assert.match(email.body, /What happened:\n- 2:20 pm: we detected the problem\./);
    assert.match(email.body, /Next steps:\n- We will publish the full incident review \(by 17 March\)\./);
    for (const variant of created.body.variants) {
      assert.deepEqual(variant.findings.filter((f: any) => f.severity === 'error' || f.rule.startsWith('closing-')).map((f: any) => f.rule), [], `${variant.channel}: ${variant.body}`);
    }
    const approved = await h.request('POST', `/api/admin/messages/${created.body.id}/approvals`, { token: h.tokens.reviewer, body: {} });
    assert.equal(approved.status, 201, JSON.stringify(approved.body));
    const published = await h.request('POST', `/api/admin/messages/${created.body.id}/publish`, { token: h.tokens.comms_lead });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(await incidentStatus(), 'postmortem');

    const list = await h.request('GET', '/api/admin/closing/follow-ups', { token: h.tokens.viewer });
    assert.deepEqual(list.body.follow_ups.map((p: any) => [p.id, p.incident.name, p.state]), [[promises.review, 'Card payments failing', 'pending']]);
    h.clock.set('2026-03-16T10:00:00Z');
    assert.equal((await promise('keep', promises.review)).status, 200, 'kept after the close, from the follow-up list');
    assert.deepEqual((await h.request('GET', '/api/admin/closing/follow-ups', { token: h.tokens.viewer })).body.follow_ups, []);
    assert.equal((await h.request('GET', '/api/admin/closing/follow-ups?state=all', { token: h.tokens.viewer })).body.follow_ups[0].state, 'kept');
  });

  it('refuses to publish a resolved message while a promise is pending, then publishes it once the promise is on the follow-up list', async () => {
    h.clock.set('2026-03-20T09:00:00Z');
    const opened = await h.request('POST', '/api/admin/incidents', { token: h.tokens.incident_lead, body: { name: 'Slow checkout', impact: 'minor', body: 'Checkout is slow. Next update at 10:30 am.', next_update_at: '2026-03-20T09:30:00Z', deliver_notifications: false } });
    const id = opened.body.id;
    const gesture = await h.request('POST', `/api/admin/incidents/${id}/facts/entries`, { token: h.tokens.comms_lead, body: { kind: 'promised', promise_kind: 'compensation', text: 'A free week for affected customers' } });
    const message = await h.request('POST', `/api/admin/incidents/${id}/messages`, { token: h.tokens.comms_lead, body: { stage: 'resolved', audiences: ['customers'], languages: ['en'], channels: ['status_page'] } });
    assert.equal(message.status, 201, JSON.stringify(message.body));
    const variant = message.body.variants[0];
    const edited = await h.request('PATCH', `/api/admin/messages/${message.body.id}/variants/${variant.id}`, { token: h.tokens.comms_lead, body: { body: 'Checkout is fast again since 10:05 am. We apologise for the slowness.' } });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal((await h.request('POST', `/api/admin/messages/${message.body.id}/approvals`, { token: h.tokens.reviewer, body: {} })).status, 201);

    const refused = await h.request('POST', `/api/admin/messages/${message.body.id}/publish`, { token: h.tokens.comms_lead });
    assert.equal(refused.status, 409, JSON.stringify(refused.body));
    assert.match(refused.body.detail, /1 promise is still pending: "A free week for affected customers"/);
    const after = (await h.request('GET', `/api/admin/messages/${message.body.id}`, { token: h.tokens.viewer })).body;
    assert.deepEqual([after.state === 'published', after.published_at], [false, null], 'nothing was published');
    assert.equal(await incidentStatus(id), 'investigating');

    assert.equal((await promise('follow-up', gesture.body.id, undefined, h.tokens.comms_lead, id)).status, 200);
    const published = await h.request('POST', `/api/admin/messages/${message.body.id}/publish`, { token: h.tokens.comms_lead });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(await incidentStatus(id), 'resolved');
    assert.deepEqual(published.body.settled_promises, { kept: 1, broken: 0 }, 'the pending next-update promise was settled by the publish, not a blocker');
  });

  it('closes an incident declared internally (a false alarm) without the gate: nothing is closed in public', async () => {
    const declared = await h.request('POST', '/api/admin/incidents', { token: h.tokens.incident_lead, body: { name: 'Suspected leak', impact: 'major' } });
    assert.equal(declared.status, 201, JSON.stringify(declared.body));
    const id = declared.body.id;
    await h.request('POST', `/api/admin/incidents/${id}/facts/entries`, { token: h.tokens.comms_lead, body: { kind: 'promised', promise_kind: 'other', text: 'Brief the executives' } });
    assert.equal((await check(id)).can_close, false);
    const resolved = await h.request('POST', `/api/admin/incidents/${id}/resolve`, { token: h.tokens.incident_lead, body: {} });
    assert.equal(resolved.status, 201, JSON.stringify(resolved.body));
    assert.deepEqual([resolved.body.update, await incidentStatus(id)], [null, 'resolved']);
  });
});
