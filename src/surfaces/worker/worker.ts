import type { Logger } from 'pino';
import type { Runtime } from '../../main.ts';
import { sweepExpired } from '../../services/housekeeping/sweep-expired.ts';
import { sendDueReminders } from '../../services/clocks/send-reminders.ts';
import { sendMaintenanceNotices } from '../../services/maintenance/notify-upcoming.ts';
import { maintenanceAdvance } from './maintenance-advance.ts';
import { startPublisher, type Publisher } from './publisher.ts';
import type { Config } from '../../config.ts';
import { createMailer } from '../../adapters/mail/smtp-transport.ts';
import { createSmsSender } from '../../adapters/sms/sms-config.ts';
import { createWebhookSender } from '../../adapters/webhook/webhook.ts';
import { createChatSender } from '../../adapters/chat/chat.ts';
import { createMastodonPoster } from '../../adapters/mastodon/mastodon.ts';
import { startDispatcher, type ChannelSenders, type Dispatcher } from './dispatcher.ts';
import { registerListeningJobs } from './listening-jobs.ts';
import { registerDrillJobs } from './drill-jobs.ts';

export interface RunningWorker {
  publisher: Publisher;
  dispatcher: Dispatcher;
  stop(): Promise<void>;
}

/** Registers every job handler and schedule on the queue; N workers on N machines share the work. */
export async function startWorker(runtime: Runtime, logger: Logger, config: Pick<Config, 'siteDir' | 'statusUrl' | 'publicUrl' | 'smtp' | 'sms' | 'delivery'>): Promise<RunningWorker> {
  const { db, queue } = runtime;
  queue.events.on('failed', (name: string, _data: unknown, error: Error) => logger.warn({ job: name, err: error }, 'job failed; it will be retried'));
  queue.events.on('error', (error: Error) => logger.error({ err: error }, 'queue error'));

  await queue.work('housekeeping.sweep', async () => {
    await sweepExpired({ db, now: new Date() });
  });
  await queue.schedule('housekeeping.sweep', '17 * * * *');
  await queue.work('maintenance.advance', maintenanceAdvance({ db, queue, logger }));
  // Each window edge has its own job; the sweep catches up whatever a stopped worker missed.
  await queue.schedule('maintenance.advance', '* * * * *');
  // Reminders and escalation before a communication deadline; each is a keyed delivery, so N workers send it once.
  // With an SMS gateway the crisis plan's people on duty are texted too.
  const sms = config.sms !== undefined;
  await queue.work('clocks.remind', async () => {
    const { queued } = await sendDueReminders({ db, now: new Date(), sms });
    if (queued > 0) logger.info({ queued }, 'reminders queued');
  });
  await queue.schedule('clocks.remind', '* * * * *');
  // Notices to subscribers before a maintenance starts: its own job, so a failed sweep is retried
  // without moving maintenances again; each notice is recorded with its deliveries, so N workers queue it once.
  await queue.work('maintenance.notify', async () => {
    const { notices, deliveries } = await sendMaintenanceNotices({ db, now: new Date() });
    if (notices.length > 0) logger.info({ notices, deliveries }, 'maintenance notices queued');
  });
  await queue.schedule('maintenance.notify', '* * * * *');
  await registerListeningJobs(runtime, logger);
  const drills = await registerDrillJobs(runtime, logger, { sms });
  const publisher = await startPublisher({ db, logger, siteDir: config.siteDir, fallbackUrl: config.statusUrl, publicUrl: config.publicUrl });
  const senders = channelSenders(config);
  const dispatcher = await startDispatcher({ db, logger, senders, publicUrl: config.publicUrl, fallbackUrl: config.statusUrl, batchSize: config.delivery.batchSize, leaseMs: config.delivery.leaseMs });
  logger.info('worker started');
  return {
    publisher,
    dispatcher,
    async stop() {
      await drills.stop();
      await dispatcher.stop();
      await Promise.all([senders.mail?.close(), senders.sms?.close()]);
      await publisher.stop();
      await queue.stop();
    },
  };
}

/** One pooled transport per channel and worker; e-mail and SMS only when configured. */
function channelSenders(config: Pick<Config, 'smtp' | 'sms'>): ChannelSenders {
  return {
    ...(config.smtp ? { mail: createMailer(config.smtp), mailDomain: config.smtp.from.replace(/^.*@/, '').replace(/>.*$/, '').trim() } : {}),
    ...(config.sms ? { sms: createSmsSender(config.sms) } : {}),
    webhook: createWebhookSender(),
    chat: createChatSender(),
    mastodon: createMastodonPoster(),
  };
}
