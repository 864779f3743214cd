import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/adapters/db/connect.ts';
import { createMailer } from '../../src/adapters/mail/smtp-transport.ts';
import { startQueue, type Queue } from '../../src/adapters/queue/queue.ts';
import { createHttpSmsSender } from '../../src/adapters/sms/http-sms-transport.ts';
import { createWebhookSender, newWebhookSecret } from '../../src/adapters/webhook/webhook.ts';
import { createLogger } from '../../src/logger.ts';
import { createComponent } from '../../src/services/component/create-component.ts';
import type { Ctx } from '../../src/services/context.ts';
import { cancelMaintenance } from '../../src/services/maintenance/cancel-maintenance.ts';
import { editMaintenance } from '../../src/services/maintenance/edit-maintenance.ts';
import { sendMaintenanceNotices } from '../../src/services/maintenance/notify-upcoming.ts';
import { scheduleMaintenance } from '../../src/services/maintenance/schedule-maintenance.ts';
import { createPage } from '../../src/services/page/pages.ts';
import { updateCommsSettings } from '../../src/services/settings/update-comms-settings.ts';
import { createWorkspace } from '../../src/services/workspace/create-workspace.ts';
import { startDispatcher } from '../../src/surfaces/worker/dispatcher.ts';
import { openTestDatabase } from '../helpers/db.ts';
import { TestClock } from '../helpers/harness.ts';
import { startHttpReceiver, type HttpReceiver } from '../helpers/http-receiver.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';

const hour = 3_600_000;
const logger = createLogger('warn', new Writable({ write: (_chunk, _encoding, callback) => callback() }));
const at = (start: string, hoursBefore: number) => new Date(new Date(start).getTime() - hoursBefore * hour).toISOString();

describe('notices to subscribers before a maintenance starts', () => {
  let db: DatabaseHandle;
  let queue: Queue;
  let smtp: SmtpSink;
  let gateway: HttpReceiver;
  let hooks: HttpReceiver;
  let ctx: Ctx;
  const components: Record<string, string> = {};
  const clock = new TestClock();

  before(async () => {
    db = await openTestDatabase();
    queue = await startQueue(db, { runsJobs: false });
    smtp = await startSmtpSink();
    gateway = await startHttpReceiver();
    hooks = await startHttpReceiver();
    clock.set('2027-06-07T18:00:00Z');
    const workspace = await createWorkspace({ db, input: { slug: 'notices', name: 'Notices Cloud', time_zone: 'Europe/Paris' }, now: clock.now() });
    ctx = { workspaceId: workspace.id, actor: { type: 'system', name: 'test' }, db, queue, now: clock.now };
    const page = await createPage({ ctx, input: { slug: 'status', name: 'Notices status', language: 'fr', time_zone: 'Europe/Paris' } });
    for (const name of ['API', 'Dashboard', 'Billing']) components[name] = (await createComponent({ ctx, input: { name } })).id;
    // Lea (French) follows the API, Sam (English) the dashboard, Alex everything; Bea only billing;
    // Gus left. A phone and a webhook follow the API.
    const subscribers = [
      { id: 'sublea', channel: 'email', address: 'lea@notices.test', language: 'fr', follows: ['API'] },
      { id: 'subsam', channel: 'email', address: 'sam@notices.test', language: 'en', follows: ['Dashboard'] },
      { id: 'subalex', channel: 'email', address: 'alex@notices.test', language: 'en', follows: 'all' },
      { id: 'subbea', channel: 'email', address: 'bea@notices.test', language: 'fr', follows: ['Billing'] },
      { id: 'subgus', channel: 'email', address: 'gus@notices.test', language: 'en', follows: ['API'], state: 'unsubscribed' },
      { id: 'subphone', channel: 'sms', address: '+33612345678', language: 'fr', follows: ['API'] },
      { id: 'subhook', channel: 'webhook', address: `${hooks.url}/status`, language: 'en', follows: ['API'], secret: newWebhookSecret() },
    ] as const;
    for (const s of subscribers) {
      await db.db
        .insertInto('subscribers')
        .values({
          workspace_id: ctx.workspaceId, id: s.id, page_id: page.id, channel: s.channel, address: s.address, language: s.language, all_components: s.follows === 'all',
          state: 'state' in s ? s.state : 'active', manage_token: `token-${s.id}`, source: 'admin', confirmed_at: clock.now(), webhook_secret: 'secret' in s ? s.secret : null,
        })
        .execute();
      if (s.follows !== 'all') {
        await db.db.insertInto('subscriber_components').values(s.follows.map((name) => ({ workspace_id: ctx.workspaceId, subscriber_id: s.id, component_id: components[name]! }))).execute();
      }
    }
  });
  after(async () => {
    await hooks?.close();
    await gateway?.close();
    await smtp?.close();
    await queue?.stop();
    await db?.close();
  });

  /** Two sweeps at once at `when`, then two workers sending at once over real SMTP, HTTP SMS and webhooks; what arrived. */
  async function sweep(when: string) {
    clock.set(when);
    const seen = { mail: smtp.received.length, sms: gateway.requests.length, hooks: hooks.requests.length };
    const results = await Promise.all([sendMaintenanceNotices({ db, now: clock.now() }), sendMaintenanceNotices({ db, now: clock.now() })]);
    await send();
    return {
      notices: results.flatMap((result) => result.notices.map((notice) => notice.hours)),
      mail: smtp.received.slice(seen.mail).map((m) => `${m.to[0]}: ${m.subject}`).sort(),
      sms: gateway.requests.slice(seen.sms).map((request) => JSON.parse(request.body) as { to: string; text: string }),
      hooks: hooks.requests.slice(seen.hooks).map((request) => JSON.parse(request.body)),
    };
  }
  async function send() {
    const senders = () => ({
      mail: createMailer({ url: smtp.url, from: 'Status <status@notices.test>' }),
      mailDomain: 'notices.test',
      sms: createHttpSmsSender({ url: `${gateway.url}/sms`, token: 'gateway-token', from: 'Notices' }),
      webhook: createWebhookSender(),
    });
    const pair = [senders(), senders()];
    const workers = await Promise.all(pair.map((s) => startDispatcher({ db, logger, senders: s, publicUrl: 'https://tocsin.notices.test', fallbackUrl: 'https://status.notices.test', now: clock.now, sweepMs: 3_600_000 })));
    await Promise.all(workers.map((worker) => worker.run()));
    for (const worker of workers) await worker.stop();
    for (const s of pair) await Promise.all([s.mail.close(), s.sms.close()]);
  }
  const schedule = (name: string, scheduledFor: string, hours: number, on: string[]) =>
    scheduleMaintenance({
      ctx,
      input: { name, scheduled_for: scheduledFor, scheduled_until: at(scheduledFor, -hours), component_ids: on.map((c) => components[c]!), body: `${name}: short interruptions are expected.` },
    });
  const deliveryStates = async (maintenanceId: string) =>
    (await db.db.selectFrom('deliveries').select(['address', 'state', 'last_error']).where('maintenance_id', '=', maintenanceId).orderBy('address').execute()).map((d) => `${d.address} ${d.state}${d.last_error ? `: ${d.last_error}` : ''}`);

  const start = '2027-06-09T00:00:00Z'; // Wednesday 02:00 in Paris
  let coreSwitch: string;

  it('30 h ahead: nothing at 25 h; at 24 h each follower of its components is told once, in their language, on every channel', async () => {
    coreSwitch = (await schedule('Core switch upgrade', start, 2, ['API', 'Dashboard'])).id;
    assert.deepEqual(await deliveryStates(coreSwitch), [], 'scheduling it notifies no one: the notices do');
    const early = await sweep(at(start, 25));
    assert.deepEqual([early.notices, early.mail, early.sms, early.hooks], [[], [], [], []]);

    const due = await sweep(at(start, 24));
    assert.deepEqual(due.notices, [24], 'two sweeps at once queue the notice once');
    assert.deepEqual(due.mail, [
      'alex@notices.test: Scheduled maintenance: Core switch upgrade — tomorrow 02:00–04:00',
      'lea@notices.test: Maintenance prévue : Core switch upgrade — demain 02:00–04:00',
      'sam@notices.test: Scheduled maintenance: Core switch upgrade — tomorrow 02:00–04:00',
    ], 'not Bea (billing only), not Gus (unsubscribed)');
    assert.deepEqual([...smtp.countByMessageId().values()].filter((n) => n > 1), [], 'two workers send each once');

    const lea = smtp.received.find((m) => m.to[0] === 'lea@notices.test')!;
    assert.equal(lea.rawHeaders.get('content-language'), 'fr');
    assert.equal(lea.rawHeaders.get('list-unsubscribe'), '<https://tocsin.notices.test/subscriptions/token-sublea/unsubscribe>');
    assert.equal(lea.rawHeaders.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    assert.match(lea.text, /Début : mercredi 9 juin 2027, 02:00 \(Europe\/Paris\)/);
    assert.match(lea.text, /Fin : 04:00/);
    assert.match(lea.text, /Services concernés : API et Dashboard/);
    assert.match(lea.text, /Dernière information :\nCore switch upgrade: short interruptions are expected\./);
    assert.match(lea.text, /Vous recevez ce message car vous suivez « Notices status »/);
    assert.match(lea.text, /https:\/\/status\.notices\.test\/status\/maintenances\.html/);
    assert.match(lea.text, /https:\/\/tocsin\.notices\.test\/subscriptions\/token-sublea\/unsubscribe/, 'her own unsubscribe link');
    assert.match(lea.html, /<html lang="fr">/);
    const sam = smtp.received.find((m) => m.to[0] === 'sam@notices.test')!;
    assert.match(sam.text, /Starts: Wednesday 9 June 2027, 02:00 \(Europe\/Paris\)/);
    assert.match(sam.html, /<li><strong>Services concerned<\/strong>: API and Dashboard<\/li>/);

    assert.deepEqual(due.sms.map((s) => [s.to, s.text]), [['+33612345678', 'Maintenance prévue : Core switch upgrade - demain 02:00-04:00. Services concernés : API et Dashboard.']]);
    assert.equal(due.hooks.length, 1);
    const [event] = due.hooks;
    assert.equal(event.type, 'maintenance.upcoming');
    assert.equal(hooks.requests.at(-1)!.headers['webhook-id'], `msg_${ctx.workspaceId}-${(await db.db.selectFrom('deliveries').select('id').where('channel', '=', 'webhook').where('maintenance_id', '=', coreSwitch).executeTakeFirstOrThrow()).id}`);
    assert.deepEqual(
      { ...event.data.incident, created_at: undefined, updated_at: undefined, incident_updates: event.data.incident.incident_updates.map((u: any) => u.body) },
      {
        id: coreSwitch, name: 'Core switch upgrade', status: 'scheduled', impact: 'maintenance', shortlink: 'https://status.notices.test/status/maintenances.html',
        created_at: undefined, updated_at: undefined, scheduled_for: '2027-06-09T00:00:00.000Z', scheduled_until: '2027-06-09T02:00:00.000Z',
        scheduled_remind_prior: true, scheduled_reminded_at: '2027-06-08T00:00:00.000Z', components: ['API', 'Dashboard'], incident_updates: ['Core switch upgrade: short interruptions are expected.'],
      },
    );
    assert.deepEqual(event.data.notice, { hours: 24 });
    assert.equal(event.data.meta.unsubscribe, 'https://tocsin.notices.test/subscriptions/token-subhook/unsubscribe');
  });

  it('nothing more until 1 h before, then the 1 h notice once', async () => {
    for (const hoursBefore of [23, 12, 4, 1.5]) {
      const quiet = await sweep(at(start, hoursBefore));
      assert.deepEqual([quiet.notices, quiet.mail, quiet.sms, quiet.hooks], [[], [], [], []], `${hoursBefore} h before`);
    }
    const due = await sweep(at(start, 1));
    assert.deepEqual(due.notices, [1]);
    assert.deepEqual(due.mail, [
      'alex@notices.test: Scheduled maintenance: Core switch upgrade — starts in 1 hour',
      'lea@notices.test: Maintenance prévue : Core switch upgrade — commence dans 1 heure',
      'sam@notices.test: Scheduled maintenance: Core switch upgrade — starts in 1 hour',
    ]);
    assert.equal(due.sms.length, 1);
    assert.deepEqual(due.hooks.map((event) => event.data.notice.hours), [1]);
    const again = await sweep(at(start, 0.5));
    assert.deepEqual([again.notices, again.mail], [[], []]);
    assert.equal((await deliveryStates(coreSwitch)).filter((state) => state.endsWith(' sent')).length, 10, 'five recipients, two notices each');
  });

  it('moved after its 24 h notice was queued: that notice is not sent, the new start gets its own', async () => {
    const first = '2027-06-16T00:00:00Z';
    clock.set(at(first, 30));
    const failover = await schedule('Database failover test', first, 1, ['Dashboard']);
    clock.set(at(first, 24));
    const queued = await sendMaintenanceNotices({ db, now: clock.now() });
    assert.deepEqual(queued.deliveries, { email: 2 }, 'Sam and Alex: the phone and the webhook follow the API only');
    const moved = '2027-06-17T00:00:00Z';
    await editMaintenance({ ctx, id: failover.id, input: { scheduled_for: moved, scheduled_until: at(moved, -1) } });
    clock.set(at(first, 23.9));
    await send();
    assert.deepEqual(await deliveryStates(failover.id), [
      'alex@notices.test cancelled: The maintenance was moved; its new start has notices of its own.',
      'sam@notices.test cancelled: The maintenance was moved; its new start has notices of its own.',
    ]);
    const renewed = await sweep(at(moved, 24));
    assert.deepEqual(renewed.mail, [
      'alex@notices.test: Scheduled maintenance: Database failover test — tomorrow 02:00–03:00',
      'sam@notices.test: Scheduled maintenance: Database failover test — tomorrow 02:00–03:00',
    ]);
  });

  it('called off: a notice queued before is not sent, and no later one is', async () => {
    const planned = '2027-06-23T00:00:00Z';
    clock.set(at(planned, 30));
    const upgrade = await schedule('Storage upgrade', planned, 2, ['API']);
    clock.set(at(planned, 24));
    assert.deepEqual((await sendMaintenanceNotices({ db, now: clock.now() })).deliveries, { email: 2, sms: 1, webhook: 1 });
    await cancelMaintenance({ ctx, id: upgrade.id, input: { body: 'Postponed to next month.' } });
    clock.set(at(planned, 23.9));
    await send();
    assert.ok((await deliveryStates(upgrade.id)).every((state) => state.includes('cancelled: The maintenance started or was called off')));
    for (const hoursBefore of [23, 1, 0.5]) assert.deepEqual((await sweep(at(planned, hoursBefore))).mail, [], `${hoursBefore} h before`);
  });

  it('scheduled 3 h ahead it gets only the 1 h notice; 20 h ahead the 24 h notice goes at once, then the 1 h one', async () => {
    const soon = '2027-06-30T03:00:00Z';
    clock.set(at(soon, 3));
    await schedule('Certificate rotation', soon, 1, ['Dashboard']);
    assert.deepEqual((await sweep(at(soon, 3))).mail, [], 'no late "24 h" notice');
    assert.deepEqual((await sweep(at(soon, 2))).mail, []);
    assert.deepEqual((await sweep(at(soon, 1))).mail, [
      'alex@notices.test: Scheduled maintenance: Certificate rotation — starts in 1 hour',
      'sam@notices.test: Scheduled maintenance: Certificate rotation — starts in 1 hour',
    ]);

    const tonight = '2027-07-01T20:00:00Z'; // 22:00 in Paris
    clock.set(at(tonight, 20));
    await schedule('Network maintenance', tonight, 1, ['Dashboard']);
    assert.deepEqual((await sweep(at(tonight, 20))).mail, [
      'alex@notices.test: Scheduled maintenance: Network maintenance — today 22:00–23:00',
      'sam@notices.test: Scheduled maintenance: Network maintenance — today 22:00–23:00',
    ]);
    assert.deepEqual((await sweep(at(tonight, 19))).mail, [], 'once');
    assert.equal((await sweep(at(tonight, 1))).mail.length, 2);
  });

  it('a workspace that asks for 48 h gets one notice 48 h ahead and none at 24 h or 1 h', async () => {
    await updateCommsSettings({ ctx, input: { maintenance_notice_hours: [48] } });
    const later = '2027-07-14T00:00:00Z'; // Wednesday 02:00 in Paris
    clock.set(at(later, 60));
    await schedule('Backup migration', later, 2, ['Dashboard']);
    assert.deepEqual((await sweep(at(later, 49))).mail, []);
    assert.deepEqual((await sweep(at(later, 48))).mail, [
      'alex@notices.test: Scheduled maintenance: Backup migration — Wednesday 02:00–04:00',
      'sam@notices.test: Scheduled maintenance: Backup migration — Wednesday 02:00–04:00',
    ]);
    for (const hoursBefore of [24, 1]) assert.deepEqual((await sweep(at(later, hoursBefore))).mail, [], `${hoursBefore} h before`);
  });

  it('a sweep over 1,200 due maintenances queues each notice once, with two sweeps at once', async () => {
    const batch = '2027-08-04T00:00:00Z';
    clock.set(at(batch, 72));
    await updateCommsSettings({ ctx, input: { maintenance_notice_hours: [24, 1] } });
    await sql`
      insert into maintenances (workspace_id, id, name, status, scheduled_for, scheduled_until, created_at, updated_at)
      select ${ctx.workspaceId}, 'bulk' || lpad(n::text, 4, '0'), 'Bulk ' || n, 'scheduled', ${batch}::timestamptz + n * interval '1 second', ${batch}::timestamptz + interval '2 hours', ${clock.now()}, ${clock.now()}
      from generate_series(1, 1200) as n`.execute(db.db);
    clock.set(at(batch, 23));
    const [one, two] = await Promise.all([sendMaintenanceNotices({ db, now: clock.now() }), sendMaintenanceNotices({ db, now: clock.now() })]);
    assert.equal(one.notices.length + two.notices.length, 1200);
    // Naming no component, each reaches every active e-mail subscriber: Lea, Sam, Alex and Bea.
    assert.equal((one.deliveries.email ?? 0) + (two.deliveries.email ?? 0), 1200 * 4);
    const again = await sendMaintenanceNotices({ db, now: clock.now() });
    assert.deepEqual(again, { notices: [], deliveries: {} });
    await db.db.deleteFrom('deliveries').where('maintenance_id', 'like', 'bulk%').execute();
  });
});
