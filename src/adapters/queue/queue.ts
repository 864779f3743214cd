import PgBoss from 'pg-boss';
import { EventEmitter } from 'node:events';
import { transactionExecutor, type DatabaseHandle, type Tx } from '../db/connect.ts';

/** Every job Tocsin runs; `area.verb`, one handler file each under surfaces/worker/. */
export const jobNames = ['maintenance.advance', 'housekeeping.sweep', 'clocks.remind', 'maintenance.notify', 'listening.poll'] as const;
export type JobName = (typeof jobNames)[number];

export interface SendOptions {
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  tx?: Tx;
  startAfter?: Date;
  /** With a key, a job already waiting under the same key is not enqueued twice. */
  key?: string;
}

export interface Queue {
  send(name: JobName, data: object, options?: SendOptions): Promise<void>;
  work(name: JobName, handler: (data: any) => Promise<void>): Promise<void>;
  /** A cron schedule (minute precision), stored in the database so one worker of N fires it. */
  schedule(name: JobName, cron: string): Promise<void>;
  /** Emits `done` and `failed` with the job name after each job this process ran. */
  readonly events: EventEmitter;
  stop(): Promise<void>;
}

export interface QueueOptions {
  /** Whether this process runs jobs and schedules (a worker) or only enqueues (an API process). */
  runsJobs: boolean;
  /** Seconds between polls for new jobs. (Default: 1) */
  pollingSeconds?: number;
}

/**
 * The durable job queue: pg-boss in the same database, through the database handle's executor so
 * it shares PGlite's single connection (and its lock) as well as a PostgreSQL pool.
 */
export async function startQueue(handle: DatabaseHandle, options: QueueOptions): Promise<Queue> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => handle.executeSql(text, values) },
    supervise: options.runsJobs,
    schedule: options.runsJobs,
    migrate: true,
    retryLimit: 10,
    retryBackoff: true,
    retryDelay: 5,
  });
  const events = new EventEmitter();
  boss.on('error', (error) => events.emit('error', error));
  await boss.start();
  for (const name of jobNames) await boss.createQueue(name);
  const pollingIntervalSeconds = options.pollingSeconds ?? 1;

  return {
    events,
    async send(name, data, sendOptions = {}) {
      await boss.send(name, data, {
        startAfter: sendOptions.startAfter,
        singletonKey: sendOptions.key,
        db: sendOptions.tx ? transactionExecutor(sendOptions.tx) : undefined,
      });
    },
    async work(name, handler) {
      await boss.work(name, { pollingIntervalSeconds, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) {
          try {
            await handler(job.data);
            events.emit('done', name, job.data);
          } catch (error) {
            events.emit('failed', name, job.data, error);
            throw error;
          }
        }
      });
    },
    async schedule(name, cron) {
      await boss.schedule(name, cron, {});
    },
    async stop() {
      await boss.stop({ graceful: true, close: false, wait: true, timeout: 10_000 });
    },
  };
}
