import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';

/**
 * A card-payment outage played on the test clock (Paris, UTC+1): detected at 14:20, first public
 * update at 15:00 promising 15:30, the next one late at 15:45, then a message published at 16:00.
 */
describe('the timeline of an incident, through the admin API', () => {
  let h: Harness;
  let incidentId: string;
  let messageId: string;
  before(async () => {
    h = await createHarness();
    h.clock.set('2026-03-10T14:00:00Z');
    assert.equal((await h.request('PATCH', '/api/admin/settings/regulatory', { token: h.tokens.reviewer, body: { gdpr_roles: ['controller'] } })).status, 200);
    const opened = await h.request('POST', '/api/admin/incidents', {
      token: h.tokens.incident_lead,
      body: { name: 'Paiements refusés', impact: 'major', body: 'Les paiements par carte échouent. Prochain point à 15 h 30.', detected_at: '2026-03-10T13:20:00Z', next_update_at: '2026-03-10T14:30:00Z', deliver_notifications: false },
    });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    incidentId = opened.body.id;
    const entry = (body: object) => h.request('POST', `/api/admin/incidents/${incidentId}/facts/entries`, { token: h.tokens.comms_lead, body });
    h.clock.set('2026-03-10T14:05:00Z');
    assert.equal((await entry({ kind: 'known', text: 'Les paiements par carte échouent pour tous les clients.', source: 'Astreinte' })).status, 201);
    const hypothesis = await entry({ kind: 'unconfirmed', text: 'Une baie de stockage est en cause.', source: 'Équipe stockage' });
    assert.equal((await entry({ kind: 'rumor', text: 'Des numéros de carte auraient fuité.', source: 'X / Twitter' })).status, 201);
    h.clock.set('2026-03-10T14:10:00Z');
    assert.equal((await h.request('POST', `/api/admin/incidents/${incidentId}/facts/entries/${hypothesis.body.id}/confirm`, { token: h.tokens.comms_lead, body: {} })).status, 200);
    assert.equal((await h.request('PATCH', `/api/admin/incidents/${incidentId}/facts`, { token: h.tokens.comms_lead, body: { personal_data_breach: true } })).status, 200);
    const aware = await h.request('PATCH', `/api/admin/incidents/${incidentId}/regulatory`, { token: h.tokens.reviewer, body: { aware_at_gdpr: '2026-03-10T14:10:00Z', reason: 'La baie exposait des données clients.' } });
    assert.equal(aware.status, 200, JSON.stringify(aware.body));
    h.clock.set('2026-03-10T14:45:00Z');
    const late = await h.request('POST', `/api/admin/incidents/${incidentId}/updates`, {
      token: h.tokens.incident_lead,
      body: { status: 'identified', body: 'Une baie de stockage est en cause. Prochain point à 16 h 30.', next_update_at: '2026-03-10T15:30:00Z', deliver_notifications: false },
    });
    assert.equal(late.status, 201, JSON.stringify(late.body));
    h.clock.set('2026-03-10T15:00:00Z');
    const message = await h.request('POST', `/api/admin/incidents/${incidentId}/messages`, {
      token: h.tokens.comms_lead, body: { stage: 'update', audiences: ['customers'], languages: ['fr'], channels: ['status_page', 'email'], next_update_at: '2026-03-10T16:00:00Z' },
    });
    assert.equal(message.status, 201, JSON.stringify(message.body));
    messageId = message.body.id;
    const published = await h.request('POST', `/api/admin/messages/${messageId}/emergency-publish`, { token: h.tokens.incident_lead, body: { reason: 'Personne pour relire, les clients attendent.' } });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    h.clock.set('2026-03-10T15:20:00Z');
  });
  after(async () => h?.close());

  const timeline = async (token = h.tokens.viewer) => {
    const res = await h.request('GET', `/api/admin/incidents/${incidentId}/timeline`, { token });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  };

  it('gives the incident\'s times and every event oldest first, each dated, in its lane, in French and English', async () => {
    const body = await timeline();
    assert.deepEqual(body.incident, {
      occurred_at: null, detected_at: '2026-03-10T13:20:00.000Z', opened_at: '2026-03-10T14:00:00.000Z', public_at: '2026-03-10T14:00:00.000Z', resolved_at: null,
    });
    assert.equal(body.now, '2026-03-10T15:20:00.000Z');
    const ats = body.events.map((e: any) => e.at);
    assert.deepEqual(ats, [...ats].sort(), 'oldest first');
    const kinds = new Set(body.events.map((e: any) => e.kind));
    for (const kind of ['detected', 'opened', 'first_public', 'update', 'message_published', 'fact_known', 'fact_confirmed', 'rumor', 'promise', 'promise_kept', 'promise_broken']) assert.ok(kinds.has(kind), `has a ${kind} event`);
    for (const event of body.events) {
      assert.ok(['known', 'said', 'promised', 'regulatory'].includes(event.lane));
      assert.ok(event.label.fr && event.label.en, `${event.kind} is labelled in both languages`);
    }
    const confirmed = body.events.find((e: any) => e.kind === 'fact_confirmed');
    assert.equal(confirmed.at, '2026-03-10T14:10:00.000Z', 'the hypothesis is dated when it was confirmed');
    const message = body.events.find((e: any) => e.kind === 'message_published');
    assert.deepEqual([message.ref, message.audiences, message.channels], [{ type: 'message', id: messageId }, ['customers'], ['status_page', 'email']]);
    assert.equal(message.label.fr, 'Message publié (point d’étape) : Clients — page de statut, e-mail');
    const broken = body.events.find((e: any) => e.kind === 'promise_broken');
    assert.deepEqual([broken.at, broken.label.fr, broken.label.en], ['2026-03-10T14:30:00.000Z', 'Promesse non tenue : prochain point à 15 h 30', 'Promise broken: next update at 3:30 pm']);
  });

  it('measures the silences: the first within the hour, the second late past its promised time, the third still running', async () => {
    const { gaps } = await timeline();
    assert.deepEqual(gaps.map((g: any) => [g.from.slice(11, 16), g.to.slice(11, 16), g.minutes, g.late, g.ongoing]), [
      ['13:20', '14:00', 40, false, false],
      ['14:00', '14:45', 45, true, false],
      ['14:45', '15:00', 15, false, false],
      ['15:00', '15:20', 20, false, true],
    ]);
  });

  it('lists the promises with when each was kept', async () => {
    const { promises } = await timeline();
    assert.deepEqual(promises.map((p: any) => [p.due_at.slice(11, 16), p.state, p.kept_at]), [
      ['14:30', 'broken', null],
      ['15:30', 'kept', '2026-03-10T15:00:00.000Z'],
      ['16:00', 'pending', null],
    ]);
  });

  it('shows the GDPR deadline to the communications lead, and no legal clock to a viewer or support', async () => {
    const lead = await timeline(h.tokens.comms_lead);
    const legal = lead.events.filter((e: any) => e.lane === 'regulatory');
    const authority = legal.find((e: any) => e.ref.id === 'gdpr.authority');
    assert.ok(authority, JSON.stringify(legal));
    assert.deepEqual([authority.kind, authority.at], ['regulatory', '2026-03-13T14:10:00.000Z'], '72 h after awareness');
    assert.match(authority.label.en, /^Deadline: /);
    for (const token of [h.tokens.viewer, h.tokens.support]) {
      assert.equal((await timeline(token)).events.some((e: any) => e.lane === 'regulatory'), false);
    }
  });

  it('a later filing shows in the regulatory lane when it was recorded', async () => {
    const filed = await h.request('POST', `/api/admin/incidents/${incidentId}/regulatory/submissions`, { token: h.tokens.reviewer, body: { regime: 'gdpr', report: 'authority', submitted_at: '2026-03-10T15:10:00Z', authority_ref: 'CNIL-2026-0042' } });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const filing = (await timeline(h.tokens.reviewer)).events.find((e: any) => e.ref.type === 'submission');
    assert.deepEqual([filing.at, filing.state, filing.label.fr], ['2026-03-10T15:10:00.000Z', 'filed', 'Déposé : Notification de violation de données personnelles']);
  });

  it('an incident declared internally has no public time yet, and its silence since detection is counted', async () => {
    const declared = await h.request('POST', '/api/admin/incident-templates/outage/open', { token: h.tokens.incident_lead, body: { detected_at: '2026-03-10T14:50:00Z' } });
    assert.equal(declared.status, 201, JSON.stringify(declared.body));
    const body = (await h.request('GET', `/api/admin/incidents/${declared.body.id}/timeline`, { token: h.tokens.viewer })).body;
    assert.equal(body.incident.public_at, null);
    assert.deepEqual(body.events.map((e: any) => e.kind), ['detected', 'opened']);
    assert.deepEqual(body.gaps, [{ from: '2026-03-10T14:50:00.000Z', to: '2026-03-10T15:20:00.000Z', minutes: 30, late: false, ongoing: true }]);
  });

  it('answers 404 for an unknown incident and 401 without sign-in', async () => {
    assert.equal((await h.request('GET', '/api/admin/incidents/nosuchincide/timeline')).status, 404);
    assert.equal((await h.request('GET', `/api/admin/incidents/${incidentId}/timeline`, { token: null })).status, 401);
  });
});
