import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { sql } from 'kysely';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { createPage } from '../../src/services/page/pages.ts';
import { claimDeliveries } from '../../src/services/delivery/claim.ts';
import { recordOutcomes } from '../../src/services/delivery/record-outcomes.ts';

/** The text a PDF draws: every content stream inflated, the strings of its TJ operators joined. */
function pdfText(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  const shown: string[] = [];
  for (const stream of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(stream[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const op of content.matchAll(/\[(.*?)\]\s*TJ/g)) shown.push([...op[1]!.matchAll(/<([0-9a-f]*)>/gi)].map((hex) => Buffer.from(hex[1]!, 'hex').toString('latin1')).join(''));
  }
  return shown.join(' ').replace(/\s+/g, ' ');
}

// Strings only the internal version may hold: the fact sheet, the emergency reason, an internal lesson.
const markers = {
  fact: 'KNOWNFACTMARKER la baie B12 a lâché',
  hypothesis: 'HYPOTHESISMARKER un firmware défectueux',
  rumor: 'RUMORMARKER des cartes auraient fuité',
  emergency: 'EMERGENCYMARKER personne pour relire',
  lesson: 'INTERNALLESSONMARKER revoir l’astreinte stockage',
  owner: 'OWNERMARKER Camille',
};

/**
 * A card-payment outage on the test clock (Paris, UTC+1): detected 14:20, first public update at
 * 15:00 (40 min) promising 15:30, the next one late at 15:45 promising 16:30, a message published at
 * 16:00 (kept) promising 17:00 to three e-mail subscribers (two sent, one refused), resolved at 17:10
 * (late).
 */
describe('the post-crisis report and the workspace figures, through the admin API', () => {
  let h: Harness;
  let incidentId: string;
  before(async () => {
    h = await createHarness();
    h.clock.set('2026-03-10T14:00:00Z');
    assert.equal((await h.request('PATCH', '/api/admin/settings/regulatory', { token: h.tokens.reviewer, body: { gdpr_roles: ['controller'] } })).status, 200);
    const page = await createPage({ ctx: h.systemCtx(), input: { slug: 'status', name: 'Acme status', language: 'fr', time_zone: 'Europe/Paris' } });
    await sql`
      insert into subscribers (workspace_id, id, page_id, channel, address, language, state, manage_token, source, confirmed_at)
      select ${h.workspaceId}, 'sub' || lpad(n::text, 9, '0'), ${page.id}, 'email', 'reader-' || n || '@example.test', 'fr', 'active', 'token-' || n, 'import', now()
      from generate_series(1, 3) as n`.execute(h.db.db);
    const opened = await h.request('POST', '/api/admin/incidents', {
      token: h.tokens.incident_lead,
      body: { name: 'Paiements refusés', impact: 'major', body: 'Les paiements par carte échouent. Prochain point à 15 h 30.', detected_at: '2026-03-10T13:20:00Z', next_update_at: '2026-03-10T14:30:00Z', deliver_notifications: false },
    });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    incidentId = opened.body.id;
    const entry = async (body: object) => {
      const res = await h.request('POST', `/api/admin/incidents/${incidentId}/facts/entries`, { token: h.tokens.comms_lead, body });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.id as string;
    };
    h.clock.set('2026-03-10T14:05:00Z');
    await entry({ kind: 'unconfirmed', text: markers.hypothesis, source: 'Équipe stockage' });
    await entry({ kind: 'rumor', text: markers.rumor, source: 'X / Twitter' });
    const compensation = await entry({ kind: 'promised', promise_kind: 'compensation', text: 'Un mois d’abonnement offert aux clients touchés.', due_at: '2026-04-10T10:00:00Z' });
    assert.equal((await h.request('PATCH', `/api/admin/incidents/${incidentId}/facts`, { token: h.tokens.comms_lead, body: { personal_data_breach: true } })).status, 200);
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
    const published = await h.request('POST', `/api/admin/messages/${message.body.id}/emergency-publish`, { token: h.tokens.incident_lead, body: { reason: markers.emergency } });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    // The worker's two steps, on the test clock: two e-mails accepted at 15:01, one refused for good at 15:03.
    const first = await claimDeliveries(h.db, { channels: ['email'], limit: 2, leaseMs: 60_000, now: new Date('2026-03-10T15:01:00Z') });
    assert.equal(first.deliveries.length, 2);
    await recordOutcomes(h.db, first, first.deliveries.map((delivery) => ({ delivery, result: { accepted: true, permanent: false, response: '250 OK' } })), new Date('2026-03-10T15:01:00Z'));
    const second = await claimDeliveries(h.db, { channels: ['email'], limit: 5, leaseMs: 60_000, now: new Date('2026-03-10T15:03:00Z') });
    assert.equal(second.deliveries.length, 1);
    await recordOutcomes(h.db, second, second.deliveries.map((delivery) => ({ delivery, result: { accepted: false, permanent: true, response: '550 no such user' } })), new Date('2026-03-10T15:03:00Z'));
    h.clock.set('2026-03-10T16:05:00Z');
    // Noted after the last message was written: the sheet knows it, no public text says it.
    await entry({ kind: 'known', text: markers.fact, source: 'Astreinte' });
    const kept = await h.request('PATCH', `/api/admin/incidents/${incidentId}/facts/entries/${compensation}`, { token: h.tokens.comms_lead, body: { state: 'kept' } });
    assert.equal(kept.status, 200, JSON.stringify(kept.body));
    h.clock.set('2026-03-10T16:10:00Z');
    const resolved = await h.request('POST', `/api/admin/incidents/${incidentId}/updates`, {
      token: h.tokens.incident_lead, body: { status: 'resolved', body: 'Les paiements fonctionnent de nouveau.', deliver_notifications: false },
    });
    assert.equal(resolved.status, 201, JSON.stringify(resolved.body));
    h.clock.set('2026-03-11T09:00:00Z');
  });
  after(async () => h?.close());

  const report = (query: string, token = h.tokens.comms_lead) => h.request('GET', `/api/admin/incidents/${incidentId}/report?${query}`, { token });

  it('measures the first message against its deadline, each promised update against the update that came, and the deliveries', async () => {
    const res = await report('version=internal&language=en&format=json');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const data = res.body;
    assert.deepEqual(data.first_message, { detected_at: '2026-03-10T13:20:00.000Z', first_public_at: '2026-03-10T14:00:00.000Z', minutes: 40, deadline_minutes: 60, met: true });
    assert.deepEqual(
      data.punctuality.updates.map((p: any) => [p.due_at.slice(11, 16), p.actual_at?.slice(11, 16) ?? null, p.delay_minutes, p.state, p.on_time]),
      [['14:30', '14:45', 15, 'broken', false], ['15:30', '15:00', -30, 'kept', true], ['16:00', '16:10', 10, 'broken', false]],
    );
    assert.deepEqual([data.punctuality.on_time, data.punctuality.late, data.punctuality.percent], [1, 2, 33.3]);
    assert.deepEqual(data.deliveries.channels.map((c: any) => [c.channel, c.recipients, c.sent, c.failed, c.success_percent, c.first_sent_at, c.last_sent_at]), [
      ['email', 2, 2, 1, 66.7, '2026-03-10T15:01:00.000Z', '2026-03-10T15:01:00.000Z'],
    ]);
    assert.equal(data.regulatory.deadlines.some((d: any) => d.id === 'gdpr.authority'), true);
    assert.deepEqual(data.compensation.promises.map((p: any) => p.text), ['Un mois d’abonnement offert aux clients touchés.']);
    assert.match(data.markdown, /^# Post-crisis report \(internal\): Paiements refusés/);
    assert.match(data.markdown, /First public message 40 min after detection, within the 60 min deadline\./);
    assert.match(data.markdown, /Promised updates on time: 33\.3 % \(1 of 3\)\./);
  });

  it('keeps the fact sheet, the emergency reason and the legal deadlines in the internal version', async () => {
    const { body: markdown } = await report('version=internal&language=fr&format=md');
    for (const marker of [markers.fact, markers.rumor, markers.emergency]) assert.ok(markdown.includes(marker), `internal holds ${marker}`);
    assert.match(markdown, /Notification de violation de données personnelles/);
    assert.match(markdown, /## Remarques du correcteur et contradictions/);
  });

  it('writes lessons and actions, refuses bad input with a pointer and a stale If-Match, and a viewer', async () => {
    const url = `/api/admin/incidents/${incidentId}/report/lessons`;
    const bad = await h.request('PUT', url, { token: h.tokens.comms_lead, body: { lessons: [{ text: '' }], actions: [{ text: 'x', due_on: '10/04/2026' }] } });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.errors.map((e: any) => e.pointer).sort(), ['/actions/0/due_on', '/lessons/0/text']);
    assert.equal((await h.request('GET', url, { token: h.tokens.comms_lead })).body.version, 0, 'nothing was saved');
    const body = {
      lessons: [{ text: 'Le premier message doit partir avant la première demi-heure.', public: true }, { text: markers.lesson }],
      actions: [{ text: 'Préparer un modèle de premier message pour les paiements.', owner: markers.owner, due_on: '2026-04-01', public: true }],
    };
    const saved = await h.request('PUT', url, { token: h.tokens.comms_lead, body });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.headers.get('etag'), '"1"');
    assert.deepEqual(saved.body.lessons.map((l: any) => l.public), [true, false]);
    const stale = await h.request('PUT', url, { token: h.tokens.comms_lead, body, headers: { 'if-match': '"0"' } });
    assert.equal(stale.status, 412);
    assert.equal((await h.request('PUT', url, { token: h.tokens.viewer, body })).status, 403);
    assert.equal((await h.request('PUT', url, { token: h.tokens.reviewer, body })).status, 403, 'reviewers read reports but do not write lessons');
    const internal = await report('version=internal&language=fr&format=md');
    assert.ok(internal.body.includes(markers.lesson) && internal.body.includes(markers.owner));
  });

  it('the public version holds no internal note, finding, legal detail, fact-sheet entry or internal lesson, in any format', async () => {
    for (const language of ['fr', 'en']) {
      for (const format of ['md', 'html', 'json']) {
        const res = await report(`version=public&language=${language}&format=${format}`);
        assert.equal(res.status, 200);
        const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
        for (const marker of [...Object.values(markers), 'gdpr', 'CNIL', 'contradiction']) assert.ok(!text.includes(marker), `public ${language}/${format} must not hold "${marker}": ${text}`);
        assert.ok(text.includes('Le premier message doit partir avant la première demi-heure.'), 'the public lesson is shared');
      }
    }
    const { body: html } = await report('version=public&language=fr&format=html');
    assert.match(html, /<svg[^>]+role="img"/);
    assert.match(html, /<title[^>]*>Chronologie des points publics et des silences<\/title>/);
    assert.match(html, /Les paiements fonctionnent de nouveau\./, 'the public updates are the chronology');
  });

  it('gives a PDF that starts with %PDF and draws the title and the figures', async () => {
    const res = await h.request('GET', `/api/admin/incidents/${incidentId}/report?version=public&language=fr&format=pdf`, { token: h.tokens.reviewer });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(res.headers.get('content-disposition'), `attachment; filename="incident-${incidentId}-report-public-fr.pdf"`);
    const raw = await (await h.app.request(`/api/admin/incidents/${incidentId}/report?version=public&language=fr&format=pdf`, { headers: { authorization: `Bearer ${h.tokens.reviewer}` } })).arrayBuffer();
    const bytes = Buffer.from(raw);
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = pdfText(bytes);
    assert.ok(text.includes('Rapport d’incident : Paiements refusés'.replace('’', '\x92')), JSON.stringify(text.slice(0, 300)));
    assert.ok(text.includes('Silences'), 'the timeline plot is drawn');
    for (const marker of Object.values(markers)) assert.ok(!text.includes(marker));
  });

  it('refuses a reader without the permission, an unknown incident and a wrong format', async () => {
    assert.equal((await report('version=internal', h.tokens.viewer)).status, 403);
    assert.equal((await report('version=internal', h.tokens.support)).status, 403);
    assert.equal((await h.request('GET', '/api/admin/incidents/zzzzzzzzzzzz/report', { token: h.tokens.comms_lead })).status, 404);
    const wrong = await report('version=secret&format=docx');
    assert.equal(wrong.status, 400);
    assert.deepEqual(wrong.body.errors.map((e: any) => e.pointer).sort(), ['/format', '/version']);
  });

  it('figures per month: first-message median and p90, punctuality and delivery success, months without incidents included', async () => {
    h.clock.set('2026-04-02T10:00:00Z');
    // A second March incident, public 90 min after detection, without promises.
    const other = await h.request('POST', '/api/admin/incidents', {
      token: h.tokens.incident_lead, body: { name: 'DNS lent', impact: 'minor', body: 'Certains domaines répondent lentement.', detected_at: '2026-03-20T08:00:00Z', deliver_notifications: false },
    });
    assert.equal(other.status, 201, JSON.stringify(other.body));
    await sql`update incident_updates set published_at = '2026-03-20T09:30:00Z', created_at = '2026-03-20T09:30:00Z' where incident_id = ${other.body.id}`.execute(h.db.db);
    const res = await h.request('GET', '/api/admin/reports/figures?from=2026-02&to=2026-04', { token: h.tokens.reviewer });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const byMonth = Object.fromEntries(res.body.months.map((m: any) => [m.month, m]));
    assert.deepEqual(Object.keys(byMonth), ['2026-02', '2026-03', '2026-04']);
    assert.deepEqual(byMonth['2026-03'].first_message, { count: 2, median_minutes: 65, p90_minutes: 90 });
    assert.deepEqual(byMonth['2026-03'].punctuality, { on_time: 1, late: 2, percent: 33.3 });
    assert.deepEqual(byMonth['2026-03'].delivery, { sent: 2, failed: 1, dead: 0, success_percent: 66.7 });
    assert.equal(byMonth['2026-02'].incidents, 0);
    assert.equal(byMonth['2026-04'].first_message.median_minutes, null);
    const bad = await h.request('GET', '/api/admin/reports/figures?from=2026-05&to=2026-02', { token: h.tokens.reviewer });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].pointer, '/from');
    assert.equal((await h.request('GET', '/api/admin/reports/figures', { token: h.tokens.viewer })).status, 403);
  });
});
