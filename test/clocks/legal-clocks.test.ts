import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';

/**
 * Whole incidents on a simulated clock, as a compliance officer lives them: each report's deadline
 * from the incident's own timestamps, filed on time or late with its reason, a regime switched off
 * and on again, the time zone changed — nothing sleeps, the clock is moved by hand.
 */

function harnessFor(h: Harness, incident: () => string) {
  return {
    clocks: async () => (await h.request('GET', `/api/admin/incidents/${incident()}/regulatory`, { token: h.tokens.reviewer })).body,
    deadline: async (id: string) => (await h.request('GET', `/api/admin/incidents/${incident()}/regulatory`, { token: h.tokens.reviewer })).body.deadlines.find((d: any) => d.id === id),
    stamps: (body: object) => h.request('PATCH', `/api/admin/incidents/${incident()}/regulatory`, { token: h.tokens.reviewer, body }),
    file: (body: object) => h.request('POST', `/api/admin/incidents/${incident()}/regulatory/submissions`, { token: h.tokens.reviewer, body }),
    profile: (body: object) => h.request('PATCH', '/api/admin/settings/regulatory', { token: h.tokens.owner, body }),
  };
}

const summary = (deadline: any) => [deadline.id, deadline.due_at, deadline.status];

describe('a customer-data breach at a DORA financial entity that is also a GDPR controller', () => {
  let h: Harness;
  let incidentId = '';
  const api = () => harnessFor(h, () => incidentId);
  before(async () => {
    h = await createHarness({ slug: 'bank' });
    // Monday 3 May 2027, 09:30 in Paris (UTC+2). Thursday 6 May is Ascension Day, a French public holiday.
    h.clock.set('2027-05-03T07:30:00Z');
    assert.equal((await api().profile({ gdpr_roles: ['controller'], dora_financial_entity: true })).status, 200);
    const opened = await h.request('POST', '/api/admin/incidents', {
      token: h.tokens.incident_lead,
      body: { name: 'Données clients exposées', impact: 'critical', body: 'Nous analysons un accès anormal à l’espace client.', detected_at: '2027-05-03T07:00:00Z', deliver_notifications: false },
    });
    incidentId = opened.body.id;
  });
  after(async () => h?.close());

  it('detection starts DORA\'s clock; the classification as major and the breach\'s awareness start theirs', async () => {
    assert.deepEqual((await api().clocks()).deadlines.map(summary), [
      ['dora.initial', null, 'waiting'],
      ['dora.intermediate', null, 'waiting'],
      ['dora.final', null, 'waiting'],
      ['dora.clients', null, 'waiting'],
    ]);
    h.clock.set('2027-05-03T08:45:00Z');
    await h.request('PATCH', `/api/admin/incidents/${incidentId}/facts`, { token: h.tokens.comms_lead, body: { personal_data_breach: true } });
    const set = await api().stamps({
      aware_at_gdpr: '2027-05-03T08:00:00Z',
      aware_basis: 'Les journaux montrent l’export de la table des clients.',
      classified_major_at: '2027-05-03T08:30:00Z',
      risk: 'high',
      risk_rationale: 'Noms, IBAN et adresses : risque d’hameçonnage ciblé et de fraude.',
      reason: 'Cellule de crise de 10 h 30',
    });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.deepEqual(set.body.deadlines.map(summary), [
      ['gdpr.authority', '2027-05-06T08:00:00.000Z', 'running'],
      ['gdpr.data_subjects', null, 'running'],
      // min(4 h after classification, 24 h after awareness)
      ['dora.initial', '2027-05-03T12:30:00.000Z', 'running'],
      ['dora.intermediate', null, 'waiting'],
      ['dora.final', null, 'waiting'],
      ['dora.clients', null, 'running'],
    ]);
    const subjects = set.body.deadlines.find((d: any) => d.id === 'gdpr.data_subjects');
    assert.equal(subjects.undue_delay, true);
    assert.match(subjects.rule, /Art\. 34/);
  });

  it('the initial notification on time; the intermediate report, 72 h later on a holiday, moves to noon the next working day', async () => {
    h.clock.set('2027-05-03T12:00:00Z');
    const filed = await api().file({ regime: 'dora', report: 'initial', submitted_at: '2027-05-03T12:00:00Z', authority_ref: 'ACPR-2027-0412' });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const deadlines = filed.body.deadlines;
    assert.deepEqual(summary(deadlines.find((d: any) => d.id === 'dora.initial')), ['dora.initial', '2027-05-03T12:30:00.000Z', 'met']);
    const intermediate = deadlines.find((d: any) => d.id === 'dora.intermediate');
    // 72 h after 14:00 on Monday is 14:00 on Ascension Day: Friday 12:00 in Paris.
    assert.deepEqual([intermediate.due_at, intermediate.shifted_from, intermediate.tag], ['2027-05-07T10:00:00.000Z', '2027-05-06T12:00:00.000Z', 'S']);
    assert.match(intermediate.rule, /next working day/);
  });

  it('the data subjects are told the next morning; the authority notification comes late and must say why', async () => {
    h.clock.set('2027-05-04T09:00:00Z');
    assert.equal((await api().file({ regime: 'gdpr', report: 'data_subjects', submitted_at: '2027-05-04T09:00:00Z' })).status, 201);
    assert.equal((await api().deadline('gdpr.data_subjects')).status, 'met');

    h.clock.set('2027-05-06T09:30:00Z');
    const overdue = await api().deadline('gdpr.authority');
    assert.deepEqual([overdue.status, overdue.requires_late_reason], ['overdue', true]);
    assert.ok(overdue.content.some((item: any) => item.key === 'late_reason'), 'the form asks for the reasons of the delay');
    const refused = await api().file({ regime: 'gdpr', report: 'authority', submitted_at: '2027-05-06T09:30:00Z' });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.type, 'https://tocsin.dev/problems/late-reason-required');
    const late = await api().file({ regime: 'gdpr', report: 'authority', submitted_at: '2027-05-06T09:30:00Z', authority_ref: 'CNIL-NOTIF-88412', late_reason: 'Le périmètre exact n’a été établi que le 6 mai au matin.' });
    assert.equal(late.status, 201, JSON.stringify(late.body));
    assert.equal(late.body.deadlines.find((d: any) => d.id === 'gdpr.authority').status, 'late');
  });

  it('a regime switched off mid-incident drops its deadlines, keeps what was filed, and brings them back when switched on', async () => {
    assert.equal((await api().profile({ dora_financial_entity: false })).status, 200);
    const off = await api().clocks();
    assert.deepEqual(off.deadlines.map((d: any) => d.id), ['gdpr.authority', 'gdpr.data_subjects']);
    assert.ok(off.submissions.some((s: any) => s.regime === 'dora' && s.report === 'initial' && s.authority_ref === 'ACPR-2027-0412'), 'the filed report stays on record');
    assert.equal((await api().profile({ dora_financial_entity: true })).status, 200);
    assert.equal((await api().deadline('dora.initial')).status, 'met');
    const audit = await h.request('GET', '/api/admin/audit?action=regulatory_profile.update', { token: h.tokens.owner });
    assert.ok(audit.body.entries.length >= 2, 'each switch is in the audit log');
  });

  it('a time zone change recomputes the local parts (noon the next working day is the new zone\'s noon); switching back restores them', async () => {
    const moved = await h.request('PATCH', '/api/admin/workspace', { token: h.tokens.owner, body: { time_zone: 'America/New_York' } });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    // 72 h after the filing is 08:00 on Ascension Day in New York (the French calendar still applies): Friday 12:00 there.
    assert.equal((await api().deadline('dora.intermediate')).due_at, '2027-05-07T16:00:00.000Z');
    assert.equal((await api().clocks()).time_zone, 'America/New_York');
    await h.request('PATCH', '/api/admin/workspace', { token: h.tokens.owner, body: { time_zone: 'Europe/Paris' } });
    assert.equal((await api().deadline('dora.intermediate')).due_at, '2027-05-07T10:00:00.000Z');
  });

  it('the intermediate report on time, the final one a calendar month after it; in the end nothing is left running', async () => {
    h.clock.set('2027-05-07T09:00:00Z');
    assert.equal((await api().file({ regime: 'dora', report: 'intermediate', submitted_at: '2027-05-07T09:00:00Z', authority_ref: 'ACPR-2027-0412' })).status, 201);
    assert.deepEqual(summary(await api().deadline('dora.final')), ['dora.final', '2027-06-07T09:00:00.000Z', 'running']);
    h.clock.set('2027-05-12T08:00:00Z');
    assert.equal((await api().file({ regime: 'dora', report: 'clients', submitted_at: '2027-05-03T15:00:00Z' })).status, 201);
    h.clock.set('2027-06-01T08:00:00Z');
    assert.equal((await api().file({ regime: 'dora', report: 'final', submitted_at: '2027-06-01T08:00:00Z', authority_ref: 'ACPR-2027-0412' })).status, 201);
    const end = await api().clocks();
    assert.deepEqual(end.deadlines.map((d: any) => [d.id, d.status]), [
      ['gdpr.authority', 'late'],
      ['gdpr.data_subjects', 'met'],
      ['dora.initial', 'met'],
      ['dora.intermediate', 'met'],
      ['dora.final', 'met'],
      ['dora.clients', 'met'],
    ]);
  });
});

describe('a NIS2 significant incident still ongoing a month after its notification', () => {
  let h: Harness;
  let incidentId = '';
  const api = () => harnessFor(h, () => incidentId);
  before(async () => {
    h = await createHarness({ slug: 'grid' });
    // Monday 1 March 2027, 09:30 in Paris (UTC+1); summer time starts on 28 March.
    h.clock.set('2027-03-01T08:30:00Z');
    assert.equal((await api().profile({ nis2: 'essential' })).status, 200);
    const opened = await h.request('POST', '/api/admin/incidents', {
      token: h.tokens.incident_lead,
      body: { name: 'Télérelève interrompue', impact: 'major', body: 'La télérelève des compteurs est interrompue.', detected_at: '2027-03-01T08:00:00Z', deliver_notifications: false },
    });
    incidentId = opened.body.id;
  });
  after(async () => h?.close());

  it('significance starts the early warning (24 h) and the notification (72 h)', async () => {
    h.clock.set('2027-03-01T09:30:00Z');
    const set = await api().stamps({ aware_significant_at: '2027-03-01T09:00:00Z', reason: 'Qualifié d’important par le RSSI' });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.deepEqual(set.body.deadlines.map(summary), [
      ['nis2.early_warning', '2027-03-02T09:00:00.000Z', 'running'],
      ['nis2.notification', '2027-03-04T09:00:00.000Z', 'running'],
      ['nis2.final', null, 'waiting'],
      ['nis2.recipients', null, 'running'],
    ]);
  });

  it('once notified, a report is due a calendar month later, at the same local hour across the change to summer time', async () => {
    h.clock.set('2027-03-01T15:00:00Z');
    assert.equal((await api().file({ regime: 'nis2', report: 'early_warning', submitted_at: '2027-03-01T15:00:00Z' })).status, 201);
    assert.equal((await api().file({ regime: 'nis2', report: 'recipients', submitted_at: '2027-03-01T15:00:00Z' })).status, 201);
    h.clock.set('2027-03-03T10:00:00Z');
    const notified = await api().file({ regime: 'nis2', report: 'notification', submitted_at: '2027-03-03T10:00:00Z', authority_ref: 'CERTFR-2027-INC-031' });
    assert.equal(notified.status, 201);
    // 11:00 on 3 March (UTC+1) → 11:00 on 3 April (UTC+2): 09:00Z, not 10:00Z.
    const progress = notified.body.deadlines.find((d: any) => d.id === 'nis2.progress');
    assert.deepEqual([progress.due_at, progress.status], ['2027-04-03T09:00:00.000Z', 'running']);
    const final = notified.body.deadlines.find((d: any) => d.id === 'nis2.final');
    assert.deepEqual([final.due_at, final.status, final.starts_from.stamp], [null, 'waiting', 'handlingConcludedAt'], 'still ongoing: the final report waits for the end of the handling');
    assert.match(final.rule, /23\(4\)\(e\)/);
  });

  it('the progress report at the month, then the final report a month after the handling ends', async () => {
    h.clock.set('2027-04-02T12:00:00Z');
    assert.equal((await api().file({ regime: 'nis2', report: 'progress', submitted_at: '2027-04-02T12:00:00Z' })).status, 201);
    h.clock.set('2027-04-21T08:00:00Z');
    assert.equal((await api().stamps({ handling_concluded_at: '2027-04-20T10:00:00Z', reason: 'Tous les concentrateurs remontent leurs index' })).status, 200);
    assert.deepEqual(summary(await api().deadline('nis2.final')), ['nis2.final', '2027-05-20T10:00:00.000Z', 'running']);
    h.clock.set('2027-05-25T08:00:00Z');
    assert.equal((await api().deadline('nis2.final')).status, 'overdue');
    h.clock.set('2027-05-25T09:00:00Z');
    assert.equal((await api().file({ regime: 'nis2', report: 'final', submitted_at: '2027-05-25T09:00:00Z' })).status, 400, 'late: the reason is required');
    assert.equal((await api().file({ regime: 'nis2', report: 'final', submitted_at: '2027-05-25T09:00:00Z', late_reason: 'Analyse de la cause racine par le constructeur.' })).status, 201);
    assert.deepEqual((await api().clocks()).deadlines.map((d: any) => [d.id, d.status]), [
      ['nis2.early_warning', 'met'],
      ['nis2.notification', 'met'],
      ['nis2.progress', 'met'],
      ['nis2.final', 'late'],
      ['nis2.recipients', 'met'],
    ]);
  });
});
