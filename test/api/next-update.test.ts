import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';

describe('the next-update promise: kept, broken, postponed in public, or a daily communiqué', () => {
  let h: Harness;
  let incidentId: string;
  before(async () => {
    h = await createHarness();
    // Wednesday 9 June 2027, 14:00 in Paris.
    h.clock.set('2027-06-09T12:00:00Z');
    const opened = await h.request('POST', '/api/admin/incidents', {
      token: h.tokens.incident_lead,
      body: { name: 'Messagerie indisponible', impact: 'major', body: 'La messagerie ne répond plus. Prochain point à 15 h.', detected_at: '2027-06-09T11:50:00Z', next_update_at: '2027-06-09T13:00:00Z', deliver_notifications: false },
    });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    incidentId = opened.body.id;
  });
  after(async () => h?.close());

  const sheet = async () => (await h.request('GET', `/api/admin/incidents/${incidentId}/facts`, { token: h.tokens.comms_lead })).body;
  const promises = async () => (await sheet()).promised.map((e: any) => [e.due_at, e.state, e.state_reason ?? null]);
  const nextUpdateClock = async () => (await h.request('GET', `/api/admin/incidents/${incidentId}/clocks`, { token: h.tokens.viewer })).body.clocks.find((c: any) => c.id === 'next_update');
  const postpone = (body: object, token = h.tokens.incident_lead) => h.request('POST', `/api/admin/incidents/${incidentId}/next-update/postpone`, { token, body });

  it('an update posted directly records its promise in the fact sheet and settles the one before, as a published message does', async () => {
    assert.deepEqual(await promises(), [['2027-06-09T13:00:00.000Z', 'pending', null]]);
    h.clock.set('2027-06-09T12:50:00Z');
    const update = await h.request('POST', `/api/admin/incidents/${incidentId}/updates`, {
      token: h.tokens.incident_lead,
      body: { status: 'identified', body: 'Un disque de stockage est en cause.', next_update_at: '2027-06-09T14:00:00Z', deliver_notifications: false },
    });
    assert.equal(update.status, 201, JSON.stringify(update.body));
    const list = await promises();
    assert.deepEqual(list.find((p: any) => p[0] === '2027-06-09T13:00:00.000Z'), ['2027-06-09T13:00:00.000Z', 'kept', null]);
    assert.deepEqual(list.find((p: any) => p[0] === '2027-06-09T14:00:00.000Z'), ['2027-06-09T14:00:00.000Z', 'pending', null]);
  });

  it('postponing needs a later time and a reason, and an open incident with a promise', async () => {
    h.clock.set('2027-06-09T13:40:00Z');
    assert.equal((await postpone({ next_update_at: '2027-06-09T15:00:00Z' })).status, 400, 'no reason');
    const earlier = await postpone({ next_update_at: '2027-06-09T13:50:00Z', reason: 'Le fournisseur rappelle plus tard.' });
    assert.equal(earlier.status, 400, 'sooner than the promise is not a postponement');
    assert.equal(earlier.body.errors[0].pointer, '/next_update_at');
    assert.equal((await postpone({ next_update_at: '2027-06-09T15:00:00Z', reason: 'Le fournisseur rappelle plus tard.' }, h.tokens.viewer)).status, 403);
  });

  it('a postponement is said in public with the new time; the reason stays internal, in the fact sheet and the audit log', async () => {
    const moved = await postpone({ next_update_at: '2027-06-09T15:00:00Z', reason: 'Le fournisseur du disque rappelle à 16 h 30.' });
    assert.equal(moved.status, 201, JSON.stringify(moved.body));
    assert.equal(moved.body.next_update_at, '2027-06-09T15:00:00.000Z');
    assert.equal(moved.body.status, 'identified', 'the status does not move');
    assert.deepEqual(moved.body.update.bodies, {
      fr: 'Le prochain point, annoncé pour 16 h, est reporté à 17 h.',
      en: 'The next update, announced for 4 pm, is moved to 5 pm.',
    });
    assert.doesNotMatch(JSON.stringify(moved.body.update), /fournisseur/, 'the reason is not published');

    const list = await promises();
    assert.deepEqual(list.find((p: any) => p[0] === '2027-06-09T14:00:00.000Z'), ['2027-06-09T14:00:00.000Z', 'postponed', 'postponed: Le fournisseur du disque rappelle à 16 h 30.']);
    assert.deepEqual(list.find((p: any) => p[0] === '2027-06-09T15:00:00.000Z'), ['2027-06-09T15:00:00.000Z', 'pending', null]);
    assert.equal((await sheet()).promises_summary.postponed, 1);

    const clock = await nextUpdateClock();
    assert.deepEqual([clock.due_at, clock.status, clock.promised], ['2027-06-09T15:00:00.000Z', 'running', true], 'the reminders follow the new time');

    const audit = await h.request('GET', `/api/admin/audit?action=incident.postpone_next_update&entity_id=${incidentId}`, { token: h.tokens.owner });
    const entry = audit.body.entries.find((e: any) => e.action === 'incident.postpone_next_update');
    assert.equal(entry.after.reason, 'Le fournisseur du disque rappelle à 16 h 30.');
    assert.equal(entry.before.next_update_at, '2027-06-09T14:00:00.000Z');
  });

  it('a postponement after the promised time leaves that promise broken, with the reason', async () => {
    h.clock.set('2027-06-09T15:10:00Z');
    const late = await postpone({ next_update_at: '2027-06-09T16:00:00Z', reason: 'Relecture juridique en cours.' });
    assert.equal(late.status, 201, JSON.stringify(late.body));
    assert.deepEqual(late.body.postponed.promises, { postponed: 0, broken: 1 });
    const list = await promises();
    assert.deepEqual(list.find((p: any) => p[0] === '2027-06-09T15:00:00.000Z'), ['2027-06-09T15:00:00.000Z', 'broken', 'late, then postponed: Relecture juridique en cours.']);
  });

  it('a long incident switches to a daily communiqué: without a promise, the next update is due at that local time', async () => {
    const bad = await h.request('PATCH', `/api/admin/incidents/${incidentId}`, { token: h.tokens.incident_lead, body: { daily_update_time: '25:00' } });
    assert.equal(bad.status, 400);
    const set = await h.request('PATCH', `/api/admin/incidents/${incidentId}`, { token: h.tokens.incident_lead, body: { daily_update_time: '16:00' } });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal(set.body.daily_update_time, '16:00');

    // 17:30 in Paris: an update that promises no time; today's 16:00 is past, so tomorrow's.
    h.clock.set('2027-06-09T15:30:00Z');
    const update = await h.request('POST', `/api/admin/incidents/${incidentId}/updates`, { token: h.tokens.incident_lead, body: { status: 'monitoring', body: 'Le service revient progressivement. Prochain communiqué demain à 16 h.', deliver_notifications: false } });
    assert.equal(update.status, 201, JSON.stringify(update.body));
    const clock = await nextUpdateClock();
    assert.deepEqual([clock.due_at, clock.promised], ['2027-06-10T14:00:00.000Z', false]);

    const off = await h.request('PATCH', `/api/admin/incidents/${incidentId}`, { token: h.tokens.incident_lead, body: { daily_update_time: null } });
    assert.equal(off.body.daily_update_time, null);
    assert.equal((await nextUpdateClock()).due_at, '2027-06-09T16:30:00.000Z', 'back to the major cadence: 60 minutes');
  });

  it('a closed incident promises nothing to postpone', async () => {
    h.clock.set('2027-06-09T15:40:00Z');
    await h.request('POST', `/api/admin/incidents/${incidentId}/resolve`, { token: h.tokens.incident_lead, body: { body: 'La messagerie fonctionne.', deliver_notifications: false } });
    const closed = await postpone({ next_update_at: '2027-06-09T18:00:00Z', reason: 'Trop tard.' });
    assert.equal(closed.status, 409);
    assert.equal(closed.body.type, 'https://tocsin.dev/problems/incident-closed');
  });
});
