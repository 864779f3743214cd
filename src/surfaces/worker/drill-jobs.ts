import type { Logger } from 'pino';
import type { Runtime } from '../../main.ts';
import { advanceRunningDrills } from '../../services/drills/advance-drill.ts';
import { sandboxClocks } from '../../services/drills/sandbox-clocks.ts';
import { sendDueReminders } from '../../services/clocks/send-reminders.ts';

/** Between two sweeps of the running drills: 5 real seconds are 5 drill minutes at ×60. (Default: 5 s) */
const sweepEveryMs = Number(process.env.TOCSIN_DRILL_SWEEP_MS) || 5_000;

/**
 * Delivers the running drills' due injects. A cron schedule has minute precision, too coarse for a
 * clock at ×60, so every worker sweeps on a timer; each inject is still delivered once (its key).
 */
export async function registerDrillJobs(runtime: Runtime, logger: Logger, options: { sms: boolean }): Promise<{ stop(): Promise<void> }> {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = sweep(runtime, logger, options)
      .catch((error: unknown) => logger.warn({ err: error }, 'drill sweep failed; the next one tries again'))
      .finally(() => (running = null));
  }, sweepEveryMs);
  timer.unref();
  return {
    // Stops the timer and waits for a sweep under way, so the database closes after it.
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * Injects due, then the sandboxes' reminders and escalations: the minute-long schedule of
 * `clocks.remind` would be an hour of drill time at ×60.
 */
async function sweep(runtime: Runtime, logger: Logger, options: { sms: boolean }): Promise<void> {
  const delivered = await advanceRunningDrills({ db: runtime.db, queue: runtime.queue, now: () => new Date() });
  if (delivered > 0) logger.info({ delivered }, 'drill injects delivered');
  const running = new Set([...(await sandboxClocks(runtime.db, new Date())).entries()].filter(([, clock]) => clock.running).map(([workspaceId]) => workspaceId));
  if (running.size === 0) return;
  const { queued } = await sendDueReminders({ db: runtime.db, now: new Date(), workspaceIds: running, sms: options.sms });
  if (queued > 0) logger.info({ queued }, 'drill reminders queued');
}
