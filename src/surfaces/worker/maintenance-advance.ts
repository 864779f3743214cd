import type { Logger } from 'pino';
import type { DatabaseHandle } from '../../adapters/db/connect.ts';
import type { Queue } from '../../adapters/queue/queue.ts';
import { advanceMaintenances } from '../../services/maintenance/advance-maintenances.ts';

/**
 * `maintenance.advance`: moves every due maintenance on, whichever job woke it (one per window
 * edge, plus the sweep every minute). A maintenance that failed makes the job throw, so it is retried.
 */
export function maintenanceAdvance({ db, queue, logger }: { db: DatabaseHandle; queue: Queue; logger: Logger }) {
  return async (): Promise<void> => {
    const { advanced, failed } = await advanceMaintenances({ db, queue, now: new Date() });
    for (const item of advanced) logger.info({ workspaceId: item.workspaceId, maintenanceId: item.maintenanceId, from: item.from, steps: item.steps }, 'maintenance advanced');
    if (failed.length > 0) {
      throw new AggregateError(
        failed.map((item) => item.error),
        `${failed.length} maintenance(s) could not advance: ${failed.map((item) => item.maintenanceId).join(', ')}`,
      );
    }
  };
}
