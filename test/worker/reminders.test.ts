import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import type { DatabaseHandle } from '../../src/adapters/db/connect.ts';
import { createMailer } from '../../src/adapters/mail/smtp-transport.ts';
import { startQueue, type Queue } from '../../src/adapters/queue/queue.ts';
import { createLogger } from '../../src/logger.ts';
import { addUser } from '../../src/services/access/add-user.ts';
import { sendDueReminders } from '../../src/services/clocks/send-reminders.ts';
import type { Ctx } from '../../src/services/context.ts';
import { addIncidentUpdate } from '../../src/services/incident/add-incident-update.ts';
import { openIncident } from '../../src/services/incident/open-incident.ts';
import { createWorkspace } from '../../src/services/workspace/create-workspace.ts';
import { startDispatcher } from '../../src/surfaces/worker/dispatcher.ts';
import { openTestDatabase } from '../helpers/db.ts';
import { TestClock } from '../helpers/harness.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { startHttpReceiver, type HttpReceiver } from '../helpers/http-receiver.ts';
import { createChatSender } from '../../src/adapters/chat/chat.ts';
import { createEndpoint } from '../../src/services/channels/channel-endpoints.ts';
import { acknowledgeAlert, listAlerts } from '../../src/services/clocks/clock-alerts.ts';

const minute = 60_000;
const logger = createLogger('warn', new Writable({ write: (_chunk, _encoding, callback) => callback() }));

describe('reminders and escalation before a promised update', () => {
  let db: DatabaseHandle;
  let queue: Queue;
  let smtp: SmtpSink;
  let ctx: Ctx;
  let incidentId: string;
  let room: HttpReceiver;
  let ritaId: string;
  const clock = new TestClock();
  before(async () => {
    db = await openTestDatabase();
    queue = await startQueue(db, { runsJobs: false });
    smtp = await startSmtpSink();
    room = await startHttpReceiver(() => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' }));
    // Monday 7 June 2027, 14:00 in Paris.
    clock.set('2027-06-07T12:00:00Z');
    const workspace = await createWorkspace({ db, input: { slug: 'reminders', name: 'Reminders Cloud', time_zone: 'Europe/Paris' }, now: clock.now() });
    ctx = { workspaceId: workspace.id, actor: { type: 'system', name: 'test' }, db, queue, now: clock.now };
    const rita = await addUser({ ctx, input: { email: 'rita@reminders.test', name: 'Rita', role: 'comms_lead', locale: 'fr' } });
    ritaId = rita.id;
    // The crisis cell's room gets every step too; the customers' chat room (purpose chat) none.
    await createEndpoint({ ctx, input: { name: 'Cellule de crise', kind: 'mattermost', purpose: 'alerts', audience: 'crisis_cell', language: 'fr', target: `${room.url}/hooks/crisis` } });
    await createEndpoint({ ctx, input: { name: 'Customers room', kind: 'mattermost', purpose: 'chat', audience: 'customers', target: `${room.url}/hooks/customers` } });
    const bob = await addUser({ ctx, input: { email: 'bob@reminders.test', name: 'Bob', role: 'comms_lead' } });
    await addUser({ ctx, input: { email: 'lea@reminders.test', name: 'Léa', role: 'incident_lead' } });
    await addUser({ ctx, input: { email: 'olga@reminders.test', name: 'Olga', role: 'owner' } });
    await addUser({ ctx, input: { email: 'sam@reminders.test', name: 'Sam', role: 'support' } });
    const incident = await openIncident({
      ctx,
      input: { name: 'Paiements refusés', impact: 'major', body: 'Nous analysons des refus de paiement.', detected_at: '2027-06-07T11:40:00Z', referent_id: rita.id, backup_referent_id: bob.id, deliver_notifications: false },
    });
    incidentId = incident.id;
  });
  after(async () => {
    await room?.close();
    await smtp?.close();
    await queue?.stop();
    await db?.close();
  });

  /** Runs the sweep, then sends what it queued over real SMTP; returns the new mails as "to: subject". */
  async function sweep(at: string): Promise<string[]> {
    clock.set(at);
    const before = smtp.received.length;
    await sendDueReminders({ db, now: clock.now() });
    const mail = createMailer({ url: smtp.url, from: 'Tocsin <tocsin@reminders.test>' });
    const worker = await startDispatcher({ db, logger, senders: { mail, mailDomain: 'reminders.test', chat: createChatSender() }, publicUrl: 'https://tocsin.reminders.test', fallbackUrl: 'https://status.reminders.test', now: clock.now, sweepMs: 3_600_000 });
    await worker.run();
    await worker.stop();
    await mail.close();
    return smtp.received.slice(before).map((m) => `${m.to[0]}: ${m.subject}`).sort();
  }

  it('with no promise, the cadence sets the next update: the referent is reminded 15 minutes before, in her language', async () => {
    assert.deepEqual(await sweep('2027-06-07T12:44:00Z'), [], 'too early');
    assert.deepEqual(await sweep('2027-06-07T12:45:00Z'), ['rita@reminders.test: Rappel : le prochain point sur « Paiements refusés » est attendu à 15h00']);
    assert.deepEqual(await sweep('2027-06-07T12:50:00Z'), [], 'each reminder once, however many sweeps');
    const posted = room.requests.map((r) => [r.path, JSON.parse(r.body).attachments[0].title]);
    assert.deepEqual(posted, [['/hooks/crisis', 'Rappel : le prochain point sur « Paiements refusés » est attendu à 15h00']], 'the crisis room, in its language; never the customers\' room');
  });

  it('the console lists each step once with whom it went to; one person takes it in hand for everyone', async () => {
    const rita = { ...ctx, actor: { type: 'user' as const, id: ritaId, name: 'Rita', role: 'comms_lead' as const } };
    const mine = await listAlerts({ ctx: rita, input: { mine: true } });
    assert.deepEqual(mine.alerts.map((a) => [a.incident_name, a.clock, a.step, a.to, a.due_at, a.to_me]), [['Paiements refusés', 'next_update', 'reminder', 'referent', '2027-06-07T13:00:00.000Z', true]]);
    const taken = await acknowledgeAlert({ ctx: rita, id: mine.alerts[0]!.id });
    assert.equal(taken.acknowledged_by, 'Rita');
    assert.deepEqual((await listAlerts({ ctx, input: {} })).alerts, [], 'taken in hand: the tray is empty');
    assert.equal((await listAlerts({ ctx, input: { pending: 'false' } })).alerts.length, 1, 'the history keeps it');
  });

  it('at the deadline the backup and the incident lead are told, after it the owners; support never', async () => {
    assert.deepEqual(await sweep('2027-06-07T13:00:00Z'), [
      'bob@reminders.test: Due now: the next update on "Paiements refusés" (15:00)',
      'lea@reminders.test: Due now: the next update on "Paiements refusés" (15:00)',
    ]);
    assert.deepEqual(await sweep('2027-06-07T13:15:00Z'), ['olga@reminders.test: Late: the next update on "Paiements refusés" was due at 15:00']);
    assert.deepEqual(room.requests.slice(1).map((r) => JSON.parse(r.body).attachments[0].title), [
      'C’est l’heure : le prochain point sur « Paiements refusés » (15h00)',
      'En retard : le prochain point sur « Paiements refusés » était attendu à 15h00',
    ]);
    const pending = await listAlerts({ ctx, input: {} });
    assert.deepEqual(pending.alerts.map((a) => [a.step, a.to, a.to_me]), [['escalation', 'executive', false], ['due', 'backup_and_lead', false]], 'newest first');
    const text = smtp.received.find((m) => m.to[0] === 'olga@reminders.test')!.text;
    assert.match(text, /Customers are waiting/);
    assert.match(text, new RegExp(`tocsin incident update ${incidentId}`));
  });

  it('an update with a promise starts the clock again; met, it sends nothing more; two sweeps at once queue each reminder once', async () => {
    clock.set('2027-06-07T13:20:00Z');
    await addIncidentUpdate({ ctx, id: incidentId, input: { status: 'identified', body: 'Le prestataire de paiement est en cause.', next_update_at: '2027-06-07T14:00:00Z', deliver_notifications: false } });
    clock.set('2027-06-07T13:45:00Z');
    const [first, second] = await Promise.all([sendDueReminders({ db, now: clock.now() }), sendDueReminders({ db, now: clock.now() })]);
    assert.deepEqual([first.queued + second.queued, first.alerts + second.alerts], [2, 1], 'one e-mail to the referent, one post in the crisis room, one alert');
    assert.deepEqual(await sweep('2027-06-07T13:46:00Z'), ['rita@reminders.test: Rappel : le prochain point sur « Paiements refusés » est attendu à 16h00']);
    const promised = smtp.received.at(-1)!.text;
    assert.match(promised, /promise publiquement/);

    clock.set('2027-06-07T13:55:00Z');
    await addIncidentUpdate({ ctx, id: incidentId, input: { status: 'monitoring', body: 'Un correctif est en place.', next_update_at: '2027-06-07T15:00:00Z', deliver_notifications: false } });
    assert.deepEqual(await sweep('2027-06-07T14:10:00Z'), [], 'the 16:00 promise was kept: nothing at 16:00 or after');
  });

  it('a resolved incident has no clock left', async () => {
    clock.set('2027-06-07T14:20:00Z');
    await addIncidentUpdate({ ctx, id: incidentId, input: { status: 'resolved', body: 'Les paiements fonctionnent.', deliver_notifications: false } });
    assert.deepEqual(await sweep('2027-06-07T16:00:00Z'), []);
  });
});
