import type { Logger } from 'pino';
import type { Runtime } from '../../main.ts';
import { pollDueSources } from '../../services/listening/poll-sources.ts';

/**
 * Polls the listening sources that are due, every minute. The schedule fires on one worker of N;
 * were two runs to overlap, each source is still polled once (a lease taken under SKIP LOCKED).
 */
export async function registerListeningJobs(runtime: Runtime, logger: Logger): Promise<void> {
  const { db, queue } = runtime;
  await queue.work('listening.poll', async () => {
    const summary = await pollDueSources({ db, now: new Date() });
    if (summary.polled > 0) logger.info({ polled: summary.polled, failed: summary.failed, added: summary.added }, 'listening sources polled');
    for (const poll of summary.sources.filter((each) => each.outcome === 'failed')) logger.warn({ source: poll.source_id, error: poll.error }, 'listening source failed; backing off');
  });
  await queue.schedule('listening.poll', '* * * * *');
}
