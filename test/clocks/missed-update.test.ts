import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createMailer } from '../../src/adapters/mail/smtp-transport.ts';
import { addUser } from '../../src/services/access/add-user.ts';
import { sendDueReminders } from '../../src/services/clocks/send-reminders.ts';
import { startDispatcher } from '../../src/surfaces/worker/dispatcher.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';

/**
 * An outage on a simulated clock: the first message on time, then a referent who misses the
 * promised update — reminded, then the backup and the lead, then the owners — until someone
 * publishes. Through the API a communicator uses, the sweep a worker runs and real SMTP.
 */
describe('an outage whose referent misses an update and is escalated', () => {
  let h: Harness;
  let smtp: SmtpSink;
  let incidentId = '';
  before(async () => {
    h = await createHarness({ slug: 'telco' });
    smtp = await startSmtpSink();
    // Friday 4 June 2027, 08:10 in Paris.
    h.clock.set('2027-06-04T06:10:00Z');
    const ctx = h.systemCtx();
    const rita = await addUser({ ctx, input: { email: 'rita@telco.test', name: 'Rita', role: 'comms_lead', locale: 'fr' } });
    const bob = await addUser({ ctx, input: { email: 'bob@telco.test', name: 'Bob', role: 'comms_lead' } });
    const settings = await h.request('PATCH', '/api/admin/settings/communication', { token: h.tokens.owner, body: { first_message_minutes: 30 } });
    assert.equal(settings.status, 200, JSON.stringify(settings.body));
    const opened = await h.request('POST', '/api/admin/incidents', {
      token: h.tokens.incident_lead,
      body: { name: 'Réseau mobile coupé', impact: 'critical', body: 'Coupure en cours d’analyse.', detected_at: '2027-06-04T06:00:00Z', referent_id: rita.id, backup_referent_id: bob.id, deliver_notifications: false },
    });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    incidentId = opened.body.id;
  });
  after(async () => {
    await smtp?.close();
    await h?.close();
  });

  /** A worker's minute: the sweep, then the sends over real SMTP. Returns the new mails as "to: subject". */
  async function minute(at: string): Promise<string[]> {
    h.clock.set(at);
    const before = smtp.received.length;
    await sendDueReminders({ db: h.db, now: h.clock.now() });
    const mail = createMailer({ url: smtp.url, from: 'Tocsin <tocsin@telco.test>' });
    const worker = await startDispatcher({ db: h.db, logger: h.logger, senders: { mail, mailDomain: 'telco.test' }, publicUrl: 'https://tocsin.telco.test', fallbackUrl: 'https://status.telco.test', now: h.clock.now, sweepMs: 3_600_000 });
    await worker.run();
    await worker.stop();
    await mail.close();
    return smtp.received.slice(before).map((m) => `${m.to[0]}: ${m.subject}`).sort();
  }
  const clocks = async () => (await h.request('GET', `/api/admin/incidents/${incidentId}/clocks`, { token: h.tokens.viewer })).body.clocks;

  it('the first public message is due 30 minutes after detection (the workspace\'s setting); opening the incident at 08:10 met it', async () => {
    const [first] = await clocks();
    assert.deepEqual([first.id, first.due_at, first.status], ['first_message', '2027-06-04T06:30:00.000Z', 'met']);
  });

  it('the update promised for 09:00 is missed: the referent at 08:45, the backup and the lead at 09:00, the owners at 09:15', async () => {
    h.clock.set('2027-06-04T06:20:00Z');
    const update = await h.request('POST', `/api/admin/incidents/${incidentId}/updates`, {
      token: h.tokens.incident_lead,
      body: { status: 'identified', body: 'Un équipement cœur de réseau est en panne. Prochain point à 9 h.', next_update_at: '2027-06-04T07:00:00Z', deliver_notifications: false },
    });
    assert.equal(update.status, 201);
    assert.deepEqual(await minute('2027-06-04T06:44:00Z'), []);
    assert.deepEqual(await minute('2027-06-04T06:45:00Z'), ['rita@telco.test: Rappel : le prochain point sur « Réseau mobile coupé » est attendu à 09h00']);
    assert.deepEqual(await minute('2027-06-04T07:00:00Z'), [
      'bob@telco.test: Due now: the next update on "Réseau mobile coupé" (09:00)',
      'incident_lead@acme.test: Due now: the next update on "Réseau mobile coupé" (09:00)',
    ]);
    assert.deepEqual(await minute('2027-06-04T07:15:00Z'), ['owner@acme.test: Late: the next update on "Réseau mobile coupé" was due at 09:00']);
    assert.deepEqual(await minute('2027-06-04T07:16:00Z'), [], 'each step once');

    const [, next] = await clocks();
    assert.deepEqual([next.status, next.steps.map((s: any) => [s.step, s.to, s.sent])], ['overdue', [['reminder', 'referent', 1], ['due', 'backup_and_lead', 2], ['escalation', 'executive', 1]]]);
    const alerts = (await h.request('GET', '/api/admin/alerts', { token: h.tokens.viewer })).body.alerts;
    assert.deepEqual(alerts.map((a: any) => a.step), ['escalation', 'due', 'reminder']);
    const sheet = (await h.request('GET', `/api/admin/incidents/${incidentId}/facts`, { token: h.tokens.viewer })).body;
    assert.deepEqual(sheet.promised.map((p: any) => [p.due_at, p.state]), [['2027-06-04T07:00:00.000Z', 'broken']], 'the fact sheet shows the broken promise');
  });

  it('the late update settles the promise as broken for good and starts the next clock; the missed one sends nothing more', async () => {
    h.clock.set('2027-06-04T07:20:00Z');
    const late = await h.request('POST', `/api/admin/incidents/${incidentId}/updates`, {
      token: h.tokens.comms_lead,
      body: { status: 'identified', body: 'Le remplacement de l’équipement est en cours. Prochain point à 10 h.', next_update_at: '2027-06-04T08:00:00Z', deliver_notifications: false },
    });
    assert.equal(late.status, 201);
    const sheet = (await h.request('GET', `/api/admin/incidents/${incidentId}/facts`, { token: h.tokens.viewer })).body;
    assert.deepEqual(sheet.promised.map((p: any) => [p.due_at, p.state]), [['2027-06-04T07:00:00.000Z', 'broken'], ['2027-06-04T08:00:00.000Z', 'pending']]);
    assert.deepEqual(await minute('2027-06-04T07:30:00Z'), []);
    assert.deepEqual(await minute('2027-06-04T07:45:00Z'), ['rita@telco.test: Rappel : le prochain point sur « Réseau mobile coupé » est attendu à 10h00']);
  });
});
