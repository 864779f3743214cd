import { serve as serveHttp, type ServerType } from '@hono/node-server';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './adapters/db/connect.ts';
import { migrate } from './adapters/db/migrate.ts';
import { startQueue, type Queue } from './adapters/queue/queue.ts';

export interface Runtime {
  db: DatabaseHandle;
  queue: Queue;
  close(): Promise<void>;
}

/** Opens the database, applies pending migrations and starts the queue: what every process needs. */
export async function openRuntime(config: Config, options: { runsJobs: boolean }): Promise<Runtime> {
  const db = await openDatabase(config.database);
  try {
    await migrate(db);
    const queue = await startQueue(db, { runsJobs: options.runsJobs });
    return {
      db,
      queue,
      async close() {
        await queue.stop();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

export interface RunningServer {
  port: number;
  stop(): Promise<void>;
}

/**
 * Serves the console and admin API; with `withWorker`, runs the jobs in the same process (the
 * default on PGlite, whose data folder only one process may open).
 */
export async function startServer(
  config: Config,
  logger: Logger,
  options: { withWorker: boolean; now?: () => Date; prepare?: (runtime: Runtime) => Promise<void> },
): Promise<RunningServer> {
  const runtime = await openRuntime(config, { runsJobs: options.withWorker });
  try {
    await options.prepare?.(runtime);
  } catch (error) {
    await runtime.close();
    throw error;
  }
  // Loaded only where jobs run: the CLI's commands open a runtime without the senders' libraries.
  const worker = options.withWorker ? await (await import('./surfaces/worker/worker.ts')).startWorker(runtime, logger, config) : undefined;
  let ready = true;
  // Loaded by the processes that serve it: a `tocsin worker` does not carry the API (~25 MB).
  const { createApp } = await import('./surfaces/api/app.ts');
  const app = createApp({
    db: runtime.db,
    queue: runtime.queue,
    logger,
    now: options.now ?? (() => new Date()),
    secureCookies: config.secureCookies,
    siteDir: config.siteDir,
    publicUrl: config.publicUrl,
    statusUrl: config.statusUrl,
    isReady: () => ready,
  });
  const server: ServerType = await new Promise((resolve) => {
    const started = serveHttp({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(started));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    port,
    async stop() {
      ready = false;
      // Stop taking connections, let in-flight requests finish, then the jobs, then the database.
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker?.stop();
      await runtime.close();
    },
  };
}
