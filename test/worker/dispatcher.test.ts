import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { openTestDatabase } from '../helpers/db.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { publishToSubscribers, type FanOut } from '../helpers/fan-out.ts';
import { startQueue, type Queue } from '../../src/adapters/queue/queue.ts';
import type { DatabaseHandle } from '../../src/adapters/db/connect.ts';
import { createMailer } from '../../src/adapters/mail/smtp-transport.ts';
import { createLogger } from '../../src/logger.ts';
import { startDispatcher, type ChannelSenders, type Dispatcher } from '../../src/surfaces/worker/dispatcher.ts';
import { claimDeliveries, releaseExpiredLeases } from '../../src/services/delivery/claim.ts';
import { TestClock } from '../helpers/harness.ts';
import { addIncidentUpdate } from '../../src/services/incident/add-incident-update.ts';

const logger = createLogger('warn', new Writable({ write: (_chunk, _encoding, callback) => callback() }));
const minute = 60_000;

describe('the dispatcher sends every delivery once over real SMTP', () => {
  let db: DatabaseHandle;
  let queue: Queue;
  const clock = new TestClock();
  const open: Array<{ stop(): Promise<void> } | SmtpSink> = [];
  before(async () => {
    db = await openTestDatabase();
    queue = await startQueue(db, { runsJobs: false });
    clock.set('2026-03-10T14:00:00Z');
  });
  after(async () => {
    await stopWorkers();
    for (const item of open.reverse()) 'stop' in item ? await item.stop() : await item.close();
    await queue?.stop();
    await db?.close();
  });

  async function sink(options: Parameters<typeof startSmtpSink>[0] = {}) {
    const started = await startSmtpSink(options);
    open.push(started);
    return started;
  }
  /** Stops the test's workers: a worker left running would take the next test's deliveries. */
  const workers: Array<{ stop(): Promise<void> }> = [];
  async function stopWorkers() {
    for (const worker of workers.splice(0)) await worker.stop();
  }
  async function dispatcher(smtp: SmtpSink, options: { batchSize?: number; leaseMs?: number; renewMs?: number } = {}): Promise<Dispatcher> {
    const mail = createMailer({ url: smtp.url, from: 'Status <status@acme.example>' });
    const senders: ChannelSenders = { mail, mailDomain: 'acme.example' };
    const started = await startDispatcher({ db, logger, senders, publicUrl: 'https://tocsin.acme.example', fallbackUrl: 'https://status.acme.example', now: clock.now, sweepMs: 3_600_000, ...options });
    workers.push({ stop: async () => (await started.stop(), await mail.close()) });
    return started;
  }
  const states = async (fanOut: FanOut) =>
    Object.fromEntries(
      (await db.db.selectFrom('deliveries').select(['state']).select((eb) => eb.fn.countAll<number>().as('count')).where('message_id', '=', fanOut.messageId).groupBy('state').execute()).map((row) => [row.state, Number(row.count)]),
    );

  it('delivers a published message to each subscriber in their language, with the headers receivers rely on', async () => {
    const fanOut = await publishToSubscribers(db, queue, { subscribers: 40, slug: 'languages', now: clock.now });
    assert.deepEqual(fanOut.deliveries, { email: 40 });
    const smtp = await sink();
    const worker = await dispatcher(smtp);
    await worker.run();
    assert.deepEqual(await states(fanOut), { sent: 40 });
    assert.equal(smtp.received.length, 40);
    assert.deepEqual([...smtp.countByMessageId().values()].filter((n) => n > 1), [], 'nobody gets it twice');

    const french = smtp.received.find((mail) => mail.to[0] === 'reader-2@example.test')!;
    const english = smtp.received.find((mail) => mail.to[0] === 'reader-1@example.test')!;
    assert.equal(french.rawHeaders.get('content-language'), 'fr');
    assert.equal(english.rawHeaders.get('content-language'), 'en');
    assert.notEqual(french.subject, english.subject, 'each in its own language');
    assert.match(french.text, /Vous recevez ce message car vous suivez « Fan-out status »/);
    assert.match(english.text, /You receive this because you follow “Fan-out status”/);
    assert.match(english.html, /<html lang="en">/);
    assert.equal(french.rawHeaders.get('list-unsubscribe'), '<https://tocsin.acme.example/subscriptions/token-2/unsubscribe>');
    assert.equal(french.rawHeaders.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    assert.match(french.text, /https:\/\/tocsin\.acme\.example\/subscriptions\/token-2\/unsubscribe/, 'the link in the body is the recipient\'s own');
    assert.match(french.text, /https:\/\/status\.acme\.example\/status\/incidents\//);
    const row = await db.db.selectFrom('deliveries').select(['id', 'workspace_id', 'sent_at', 'attempts']).where('address', '=', 'reader-2@example.test').where('message_id', '=', fanOut.messageId).executeTakeFirstOrThrow();
    assert.equal(french.messageId, `<${row.id}.${row.workspace_id}@acme.example>`, 'the Message-ID is the delivery\'s: a replay carries the same');
    assert.equal(row.attempts, 1);

    await worker.run();
    assert.equal(smtp.received.length, 40, 'a second run finds nothing to send');
    await stopWorkers();
  });

  it('a hard bounce suppresses the address, a busy mailbox is retried after its backoff, an unsubscribed reader is skipped', async () => {
    const fanOut = await publishToSubscribers(db, queue, { subscribers: 6, slug: 'faults', now: clock.now });
    await db.db.updateTable('subscribers').set({ state: 'unsubscribed' }).where('workspace_id', '=', fanOut.workspaceId).where('address', '=', 'reader-3@example.test').execute();
    const smtp = await sink({ refuse: { 'reader-1@example.test': 550, 'reader-2@example.test': 452 } });
    const worker = await dispatcher(smtp);
    await worker.run();
    assert.deepEqual(await states(fanOut), { sent: 3, failed: 1, pending: 1, cancelled: 1 });
    assert.deepEqual(smtp.received.map((mail) => mail.to[0]).sort(), ['reader-4@example.test', 'reader-5@example.test', 'reader-6@example.test']);
    const suppressed = await db.db.selectFrom('suppressions').selectAll().where('workspace_id', '=', fanOut.workspaceId).execute();
    assert.deepEqual(suppressed.map((s) => [s.address, s.reason]), [['reader-1@example.test', 'bounce']]);
    assert.match(suppressed[0]!.detail ?? '', /550/);
    const busy = await db.db.selectFrom('deliveries').selectAll().where('workspace_id', '=', fanOut.workspaceId).where('address', '=', 'reader-2@example.test').executeTakeFirstOrThrow();
    assert.ok(busy.next_attempt_at > clock.now(), 'the retry waits for its backoff');
    assert.match(busy.last_error ?? busy.response ?? '', /452|busy/i);

    await worker.run();
    assert.equal(smtp.received.length, 3, 'nothing is retried before its time');
    clock.advance(minute);
    const healed = await sink();
    const second = await dispatcher(healed);
    await second.run();
    assert.deepEqual(healed.received.map((mail) => mail.to[0]), ['reader-2@example.test']);
    assert.deepEqual(await states(fanOut), { sent: 4, failed: 1, cancelled: 1 });
    await stopWorkers();
  });

  it('a worker that dies holding a claim gives its deliveries back when the lease runs out', async () => {
    const fanOut = await publishToSubscribers(db, queue, { subscribers: 5, slug: 'lease', now: clock.now });
    const lost = await claimDeliveries(db, { channels: ['email'], limit: 3, leaseMs: minute, now: clock.now() });
    assert.equal(lost.deliveries.length, 3);
    const smtp = await sink();
    const worker = await dispatcher(smtp);
    await worker.run();
    assert.equal(smtp.received.length, 2, 'the claimed ones are not taken while their lease holds');
    clock.advance(minute + 1);
    assert.equal(await releaseExpiredLeases(db, clock.now()), 3);
    await worker.run();
    assert.deepEqual(await states(fanOut), { sent: 5 });
    assert.equal(smtp.received.length, 5);
    await stopWorkers();
  });

  it('a batch slower than its lease keeps it: the sweep gives nothing back and a second worker sends nothing twice', async () => {
    const fanOut = await publishToSubscribers(db, queue, { subscribers: 4, slug: 'slow-receiver', now: clock.now });
    const smtp = await sink({ hold: true });
    const slow = await dispatcher(smtp, { leaseMs: minute, renewMs: 10 });
    const running = slow.run();
    // The receiver holds the batch for what the clock says are ten minutes: ten leases.
    clock.advance(10 * minute);
    await new Promise<void>((resolve) => {
      const onRenewed = ({ held, leaseUntil }: { held: number; leaseUntil: Date }) => {
        if (held !== 4 || leaseUntil <= clock.now()) return;
        slow.events.off('renewed', onRenewed);
        resolve();
      };
      slow.events.on('renewed', onRenewed);
    });
    assert.equal(await releaseExpiredLeases(db, clock.now()), 0, 'the lease was extended while the batch was under way');
    const other = await dispatcher(smtp);
    await other.run();
    smtp.release();
    await running;
    assert.deepEqual(await states(fanOut), { sent: 4 });
    assert.equal(smtp.received.length, 4);
    assert.equal(new Set(smtp.received.map((mail) => mail.messageId)).size, 4);
    await stopWorkers();
  });

  it('an incident update posted without a message reaches each subscriber in their language, once, and only when it says so', async () => {
    const fanOut = await publishToSubscribers(db, queue, { subscribers: 4, slug: 'plain-update', now: clock.now });
    const smtp = await sink();
    const worker = await dispatcher(smtp);
    await worker.run();
    assert.equal(smtp.received.length, 4, 'the published message, and nothing for opening the incident quietly');

    await addIncidentUpdate({
      ctx: fanOut.ctx,
      id: fanOut.incidentId,
      input: { status: 'identified', body: 'The card processor is down.', bodies: { fr: 'Le **prestataire** de paiement par carte est en panne.', en: 'Our card **processor** is down.' } },
    });
    await worker.run();
    const update = smtp.received.slice(4);
    assert.equal(update.length, 4);
    const french = update.find((mail) => mail.to[0] === 'reader-2@example.test')!;
    const english = update.find((mail) => mail.to[0] === 'reader-1@example.test')!;
    assert.equal(french.subject, 'Card payments failing — Cause identifiée');
    assert.match(french.text, /Le \*\*prestataire\*\* de paiement/);
    assert.match(french.html, /<strong>prestataire<\/strong>/);
    assert.equal(english.subject, 'Card payments failing — Identified');
    assert.match(english.text, /Our card \*\*processor\*\* is down\./);
    assert.ok(english.rawHeaders.get('list-unsubscribe'), 'an update carries the one-click unsubscribe too');

    await addIncidentUpdate({ ctx: fanOut.ctx, id: fanOut.incidentId, input: { status: 'monitoring', body: 'A fix is in place.', deliver_notifications: false } });
    await worker.run();
    assert.equal(smtp.received.length, 8, 'an update that says not to notify sends nothing');
    const kinds = await db.db.selectFrom('deliveries').select(['kind', 'state']).select((eb) => eb.fn.countAll<number>().as('count')).where('workspace_id', '=', fanOut.workspaceId).groupBy(['kind', 'state']).orderBy('kind').execute();
    assert.deepEqual(kinds.map((row) => [row.kind, row.state, Number(row.count)]), [['message', 'sent', 4], ['update', 'sent', 4]]);
    await stopWorkers();
  });

  it('two workers side by side never send the same delivery twice', async () => {
    const fanOut = await publishToSubscribers(db, queue, { subscribers: 600, slug: 'two-workers', now: clock.now });
    const smtp = await sink();
    const [first, second] = [await dispatcher(smtp, { batchSize: 25 }), await dispatcher(smtp, { batchSize: 25 })];
    await Promise.all([first.run(), second.run()]);
    assert.deepEqual(await states(fanOut), { sent: 600 });
    assert.equal(smtp.received.length, 600);
    assert.equal(new Set(smtp.received.map((mail) => mail.messageId)).size, 600);
  });
});
