import type { Command } from 'commander';
import { readConfig } from '../../config.ts';
import { createLogger } from '../../logger.ts';
import { openRuntime, startServer } from '../../main.ts';
import { migrate } from '../../adapters/db/migrate.ts';
import { openDatabase } from '../../adapters/db/connect.ts';
import { startWorker } from '../worker/worker.ts';
import { seedDemo } from '../../services/demo/seed-demo.ts';
import { demoWorkspace } from '../../services/demo/catalog.ts';
import { startStatusServer, type StaticMount } from '../static/status-server.ts';
import type { Runtime } from '../../main.ts';
import path from 'node:path';

/** The demo's public pages for the static server: `status` at the root, the others below it. */
async function demoMounts(runtime: Runtime, siteDir: string): Promise<StaticMount[]> {
  const pages = await runtime.db.db
    .selectFrom('status_pages')
    .innerJoin('workspaces', 'workspaces.id', 'status_pages.workspace_id')
    .select(['status_pages.slug'])
    .where('workspaces.slug', '=', demoWorkspace.slug)
    .where('status_pages.visibility', '=', 'public')
    .execute();
  return pages.map((page) => ({ prefix: page.slug === 'status' ? '' : `/${page.slug}`, folder: path.join(siteDir, demoWorkspace.slug, page.slug) }));
}

/**
 * Resolves when the process is asked to stop (Ctrl-C or a supervisor's SIGTERM). Installed before
 * start-up, so a stop requested while starting still shuts down cleanly.
 */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}

export function registerServeCommands(program: Command) {
  program
    .command('serve')
    .description('Serve the console and admin API (and run the jobs, unless --no-worker)')
    .option('--no-worker', 'only serve HTTP; run "tocsin worker" processes for the jobs (PostgreSQL only)')
    .action(async (options: { worker: boolean }) => {
      const config = readConfig();
      const logger = createLogger(config.logLevel);
      const stopRequested = untilSignal();
      const server = await startServer(config, logger, { withWorker: options.worker });
      logger.info({ port: server.port, database: config.database.kind }, `Tocsin listening on http://${config.host}:${server.port}`);
      const signal = await stopRequested;
      logger.info({ signal }, 'shutting down');
      await server.stop();
    });

  program
    .command('start')
    .description('Start Tocsin with a demo workspace (created on first start): what `npm start` runs')
    .action(async () => {
      const config = readConfig();
      const logger = createLogger(config.logLevel);
      const stopRequested = untilSignal();
      let signInHint = '';
      let mounts: StaticMount[] = [];
      const server = await startServer(config, logger, {
        withWorker: true,
        prepare: async (runtime) => {
          const seeded = await seedDemo({ db: runtime.db, queue: runtime.queue, now: new Date(), password: config.adminPassword, statusUrl: config.statusUrl });
          mounts = await demoMounts(runtime, config.siteDir);
          signInHint = seeded.generatedPassword
            ? `Sign in as ${seeded.ownerEmail} with the password ${seeded.generatedPassword} (shown this once; set TOCSIN_ADMIN_PASSWORD to choose it).`
            : seeded.created
              ? `Sign in as ${seeded.ownerEmail} with the password from TOCSIN_ADMIN_PASSWORD.`
              : `Sign in as ${seeded.ownerEmail} with the password printed at the first start (or TOCSIN_ADMIN_PASSWORD then).`;
        },
      });
      const statusServer = await startStatusServer(mounts, { port: config.statusPort, hostname: config.host });
      const statusPort = (statusServer.address() as { port: number }).port;
      const host = ['0.0.0.0', '127.0.0.1', '::'].includes(config.host) ? 'localhost' : config.host;
      const url = `http://${host}:${server.port}`;
      process.stdout.write(
        `\nTocsin is running at ${url} (data: ${config.database.kind === 'pglite' ? config.dataDir : 'PostgreSQL'}).\n${signInHint}\n` +
          `Status page (static files, served apart): http://${host}:${statusPort}${mounts.length > 1 ? ` (also ${mounts.filter((m) => m.prefix).map((m) => `http://${host}:${statusPort}${m.prefix}/`).join(', ')})` : ''}\n` +
          `Admin API reference: ${url}/api/docs — stop with Ctrl-C.\n\n`,
      );
      const signal = await stopRequested;
      logger.info({ signal }, 'shutting down');
      await new Promise<void>((resolve) => statusServer.close(() => resolve()));
      await server.stop();
    });

  program
    .command('worker')
    .description('Run jobs (schedules, maintenance windows, deliveries); run N of them against one PostgreSQL')
    .action(async () => {
      const config = readConfig();
      const logger = createLogger(config.logLevel);
      const stopRequested = untilSignal();
      const runtime = await openRuntime(config, { runsJobs: true });
      const worker = await startWorker(runtime, logger, config);
      const signal = await stopRequested;
      logger.info({ signal }, 'shutting down');
      await worker.stop();
      await runtime.close();
    });

  program
    .command('migrate')
    .description('Apply pending database migrations (also done at every start)')
    .action(async () => {
      const db = await openDatabase(readConfig().database);
      try {
        const result = await migrate(db);
        process.stdout.write(result.applied.length === 0 ? `Database is up to date (version ${result.current}).\n` : `Applied ${result.applied.map((m) => `${m.version}_${m.name}`).join(', ')}; now at version ${result.current}.\n`);
      } finally {
        await db.close();
      }
    });
}
