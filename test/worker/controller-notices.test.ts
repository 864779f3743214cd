import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import type { DatabaseHandle } from '../../src/adapters/db/connect.ts';
import { createMailer } from '../../src/adapters/mail/smtp-transport.ts';
import { startQueue, type Queue } from '../../src/adapters/queue/queue.ts';
import { createLogger } from '../../src/logger.ts';
import { addUser } from '../../src/services/access/add-user.ts';
import { createComponent } from '../../src/services/component/create-component.ts';
import type { Ctx } from '../../src/services/context.ts';
import { addFactEntry } from '../../src/services/facts/add-fact-entry.ts';
import { editFactSheet } from '../../src/services/facts/edit-fact-sheet.ts';
import { openIncident } from '../../src/services/incident/open-incident.ts';
import { approveMessage } from '../../src/services/messages/approve-message.ts';
import { publishMessage } from '../../src/services/messages/publish-message.ts';
import { createPage } from '../../src/services/page/pages.ts';
import { draftControllerNotice } from '../../src/services/regulatory/controller-notices.ts';
import { createDataController } from '../../src/services/regulatory/data-controllers.ts';
import { updateRegulatoryProfile } from '../../src/services/regulatory/profile.ts';
import { createWorkspace } from '../../src/services/workspace/create-workspace.ts';
import { startDispatcher } from '../../src/surfaces/worker/dispatcher.ts';
import { openTestDatabase } from '../helpers/db.ts';
import { TestClock } from '../helpers/harness.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';

const logger = createLogger('warn', new Writable({ write: (_chunk, _encoding, callback) => callback() }));

describe('a processor\'s breach notice reaches its controllers by e-mail', () => {
  let db: DatabaseHandle;
  let queue: Queue;
  let smtp: SmtpSink;
  let ctx: Ctx;
  let messageId: string;
  const clock = new TestClock();
  before(async () => {
    db = await openTestDatabase();
    queue = await startQueue(db, { runsJobs: false });
    smtp = await startSmtpSink();
    clock.set('2027-03-10T06:00:00Z');
    const workspace = await createWorkspace({ db, input: { slug: 'hoster', name: 'Hoster', time_zone: 'Europe/Paris' }, now: clock.now() });
    ctx = { workspaceId: workspace.id, actor: { type: 'system', name: 'test' }, db, queue, now: clock.now };
    const storage = await createComponent({ ctx, input: { name: 'Object storage' } });
    const compute = await createComponent({ ctx, input: { name: 'Compute' } });
    const page = await createPage({ ctx, input: { slug: 'status', name: 'Hoster status', language: 'fr', time_zone: 'Europe/Paris' } });
    await db.db.insertInto('subscribers').values({ workspace_id: workspace.id, id: 'sub000000001', page_id: page.id, channel: 'email', address: 'reader@example.test', language: 'fr', state: 'active', manage_token: 'manage-1', source: 'admin' }).execute();
    await updateRegulatoryProfile({ ctx, input: { gdpr_roles: ['controller', 'processor'] } });
    await createDataController({ ctx, input: { name: 'Boulangerie Martin', email: 'dpo@boulangerie.test', language: 'fr', component_ids: [storage.id] } });
    await createDataController({ ctx, input: { name: 'Northwind', email: 'privacy@northwind.test', language: 'en', component_ids: [compute.id] } });
    await createDataController({ ctx, input: { name: 'Globex', email: 'dpo@globex.test', language: 'en' } });
    const rita = await addUser({ ctx, input: { email: 'rita@hoster.test', name: 'Rita', role: 'comms_lead' } });
    const incident = await openIncident({ ctx, input: { name: 'Incendie SBG2', impact: 'critical', body: 'Un incendie est en cours.', component_ids: [storage.id], referent_id: rita.id, deliver_notifications: false } });
    await editFactSheet({ ctx, incidentId: incident.id, input: { personal_data_breach: true } });
    await addFactEntry({ ctx, incidentId: incident.id, input: { kind: 'known', text: 'The SBG2 building and the storage it hosted are destroyed', source: 'Site manager' } });
    const notice = await draftControllerNotice({ ctx, incidentId: incident.id });
    messageId = notice.id;
    const reviewer = await addUser({ ctx, input: { email: 'legal@hoster.test', name: 'Legal', role: 'reviewer' } });
    await approveMessage({ ctx: { ...ctx, actor: { type: 'user', id: reviewer.id, name: 'Legal', role: 'reviewer' } }, messageId, input: { override_reason: 'Nothing known yet on the data: the controllers must hear now.' } });
    clock.set('2027-03-10T06:30:00Z');
    await publishMessage({ ctx, messageId });
  });
  after(async () => {
    await smtp?.close();
    await queue?.stop();
    await db?.close();
  });

  async function send(): Promise<void> {
    const mail = createMailer({ url: smtp.url, from: 'Hoster <dpo@hoster.test>' });
    const worker = await startDispatcher({ db, logger, senders: { mail, mailDomain: 'hoster.test' }, publicUrl: 'https://tocsin.hoster.test', fallbackUrl: 'https://status.hoster.test', now: clock.now, sweepMs: 3_600_000 });
    await worker.run();
    await worker.stop();
    await mail.close();
  }

  it('each affected controller gets the notice once, in their language; the other controller and the subscribers get nothing', async () => {
    await send();
    const received = smtp.received.map((m) => `${m.to[0]}: ${m.subject}`).sort();
    assert.deepEqual(received, [
      'dpo@boulangerie.test: Hoster : violation de données chez votre sous-traitant',
      'dpo@globex.test: Hoster: personal data breach in data we process for you',
    ]);
    const french = smtp.received.find((m) => m.to[0] === 'dpo@boulangerie.test')!;
    assert.match(french.text, /En tant que sous-traitant \(RGPD, art\. 33\.2\)/);
    assert.match(french.text, /The SBG2 building and the storage it hosted are destroyed\./);
    assert.match(french.text, /Rita : rita@hoster\.test/);
    assert.match(french.html, /<p>Madame, Monsieur,<\/p>/);
    assert.doesNotMatch(french.text, /unsubscribe|désabonner/i, 'a legal notice, not a subscription');

    await send();
    assert.equal(smtp.received.length, 2, 'a second worker run sends nothing twice');
    const states = await db.db.selectFrom('deliveries').select(['state', 'payload']).where('message_id', '=', messageId).execute();
    assert.deepEqual(states.map((d) => [d.state, d.payload]), [['sent', null], ['sent', null]]);
  });
});
