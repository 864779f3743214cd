import type { Logger } from 'pino';
import type { Runtime } from '../../main.ts';
import { sweepExpired } from '../../services/housekeeping/sweep-expired.ts';
import { maintenanceAdvance } from './maintenance-advance.ts';
import { startPublisher, type Publisher } from './publisher.ts';
import type { Config } from '../../config.ts';

export interface RunningWorker {
  publisher: Publisher;
  stop(): Promise<void>;
}

/** Registers every job handler and schedule on the queue; N workers on N machines share the work. */
export async function startWorker(runtime: Runtime, logger: Logger, config: Pick<Config, 'siteDir' | 'statusUrl'>): Promise<RunningWorker> {
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
  const publisher = await startPublisher({ db, logger, siteDir: config.siteDir, fallbackUrl: config.statusUrl });
  logger.info('worker started');
  return {
    publisher,
    async stop() {
      await publisher.stop();
      await queue.stop();
    },
  };
}
