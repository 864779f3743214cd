import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import type { DatabaseHandle } from '../../src/adapters/db/connect.ts';
import { createMailer } from '../../src/adapters/mail/smtp-transport.ts';
import { startQueue, type Queue } from '../../src/adapters/queue/queue.ts';
import { createSmppSender } from '../../src/adapters/sms/smpp-transport.ts';
import { createLogger } from '../../src/logger.ts';
import { addUser } from '../../src/services/access/add-user.ts';
import { sendDueReminders } from '../../src/services/clocks/send-reminders.ts';
import type { Ctx } from '../../src/services/context.ts';
import { setRosterRole } from '../../src/services/crisis-plan/set-roster-role.ts';
import { openIncident } from '../../src/services/incident/open-incident.ts';
import { createWorkspace } from '../../src/services/workspace/create-workspace.ts';
import { startDispatcher } from '../../src/surfaces/worker/dispatcher.ts';
import { openTestDatabase } from '../helpers/db.ts';
import { TestClock } from '../helpers/harness.ts';
import { startSmppSink, type SmppSink } from '../helpers/smpp-sink.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';

const logger = createLogger('warn', new Writable({ write: (_chunk, _encoding, callback) => callback() }));

/**
 * A late update at night: the crisis plan's people on duty are texted at the number they keep for
 * out of hours, through a real SMSC (SMPP) and a real SMTP server, once each whatever the sweeps.
 */
describe('a deadline texts the crisis plan’s people on duty', () => {
  let db: DatabaseHandle;
  let queue: Queue;
  let smtp: SmtpSink;
  let smsc: SmppSink;
  let ctx: Ctx;
  const clock = new TestClock();

  before(async () => {
    db = await openTestDatabase();
    queue = await startQueue(db, { runsJobs: false });
    smtp = await startSmtpSink();
    smsc = await startSmppSink();
    // Monday 7 June 2027, 18:20 in Paris: the next update, an hour on, falls after office hours.
    clock.set('2027-06-07T16:20:00Z');
    const workspace = await createWorkspace({ db, input: { slug: 'night', name: 'Night Cloud', time_zone: 'Europe/Paris', default_language: 'fr' }, now: clock.now() });
    ctx = { workspaceId: workspace.id, actor: { type: 'system', name: 'test' }, db, queue, now: clock.now };
    const rita = await addUser({ ctx, input: { email: 'rita@night.test', name: 'Rita', role: 'comms_lead', locale: 'fr' } });
    const claire = await addUser({ ctx, input: { email: 'claire@night.test', name: 'Claire', role: 'incident_lead', locale: 'fr' } });
    const paul = await addUser({ ctx, input: { email: 'paul@night.test', name: 'Paul', role: 'owner', locale: 'en' } });
    // Claire leads the crisis: her office number written the French way, her night number in international form.
    await setRosterRole({ ctx, role: 'crisis_lead', input: { members: [{ user_id: claire.id, phone: '01 44 55 66 77', out_of_hours_phone: '+33 7 56 22 33 44' }] } });
    // Paul, the executive sponsor, gave one mobile: it is rung at any hour.
    await setRosterRole({ ctx, role: 'executive_sponsor', input: { members: [{ user_id: paul.id, phone: '+33 6 98 76 54 32' }] } });
    await openIncident({ ctx, input: { name: 'Base clients inaccessible', impact: 'major', body: 'Nous analysons une panne de la base clients.', detected_at: '2027-06-07T16:10:00Z', referent_id: rita.id, deliver_notifications: false } });
  });
  after(async () => {
    await smsc?.close();
    await smtp?.close();
    await queue?.stop();
    await db?.close();
  });

  /** Runs the sweep, then sends what it queued over real SMTP and SMPP; returns the new texts as "to: text". */
  async function sweep(at: string, sms: boolean): Promise<string[]> {
    clock.set(at);
    const before = smsc.messages.length;
    await sendDueReminders({ db, now: clock.now(), sms });
    const mail = createMailer({ url: smtp.url, from: 'Tocsin <tocsin@night.test>' });
    const texts = createSmppSender({ host: smsc.host, port: smsc.port, isTls: false, systemId: smsc.systemId, password: smsc.password, from: 'Tocsin' });
    const worker = await startDispatcher({ db, logger, senders: { mail, mailDomain: 'night.test', sms: texts }, publicUrl: 'https://tocsin.night.test', fallbackUrl: 'https://status.night.test', now: clock.now, sweepMs: 3_600_000 });
    await worker.run();
    await worker.stop();
    await mail.close();
    await texts.close();
    return smsc.messages.slice(before).map((m) => `${m.to}: ${m.text}`).sort();
  }

  it('the reminder before the deadline is the referent’s e-mail: no one is texted', async () => {
    assert.deepEqual(await sweep('2027-06-07T17:05:00Z', true), []);
    assert.deepEqual(smtp.received.map((m) => m.to[0]), ['rita@night.test']);
  });

  it('without an SMS gateway the deadline goes by e-mail only; with one, the crisis lead is texted at her night number, once', async () => {
    assert.deepEqual(await sweep('2027-06-07T17:20:00Z', false), []);
    assert.ok(smtp.received.some((m) => m.to[0] === 'claire@night.test'), 'the e-mail still goes');
    const texted = await sweep('2027-06-07T17:21:00Z', true);
    assert.deepEqual(texted, ['33756223344: Tocsin: C\'est l\'heure : le prochain point sur "Base clients inaccessible" (19h20). Les clients attendent : publiez ce qui est connu.']);
    assert.deepEqual(await sweep('2027-06-07T17:22:00Z', true), [], 'each step texts once, however many sweeps');
    assert.equal(smtp.received.filter((m) => m.to[0] === 'claire@night.test').length, 1, 'and e-mails once');
  });

  it('past the deadline the executive sponsor is texted in his language, and the crisis lead again', async () => {
    assert.deepEqual(await sweep('2027-06-07T17:35:00Z', true), [
      '33698765432: Tocsin: Late: the next update on "Base clients inaccessible" was due at 19:20. Customers are waiting: publish what is known.',
      '33756223344: Tocsin: En retard : le prochain point sur "Base clients inaccessible" était attendu à 19h20. Les clients attendent : publiez ce qui est connu.',
    ]);
  });

  it('a number that cannot be texted is refused when the roster is written, with the reason', async () => {
    const claire = (await db.db.selectFrom('users').select('id').where('email', '=', 'claire@night.test').executeTakeFirstOrThrow()).id;
    await assert.rejects(
      setRosterRole({ ctx, role: 'spokesperson', input: { members: [{ user_id: claire, phone: '+1 555 0100' }] } }),
      (error: Error & { issues?: Array<{ pointer: string; detail: string }> }) => {
        assert.equal(error.issues?.[0]?.pointer, '/members/0/phone');
        assert.match(error.issues?.[0]?.detail ?? '', /\+1 555 0100/);
        return true;
      },
    );
  });
});
