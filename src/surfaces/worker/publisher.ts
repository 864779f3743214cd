import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { Logger } from 'pino';
import type { DatabaseHandle } from '../../adapters/db/connect.ts';
import { folderTarget } from '../../adapters/storage/folder-target.ts';
import type { SiteTarget } from '../../adapters/storage/site-target.ts';
import { targetFromConfig } from '../../adapters/storage/targets.ts';
import { publishPendingPages, type ClaimedPage, type PageOutcome } from '../../services/status-page/publish-pending.ts';
import { createSiteRenderer } from '../../status-page/site.ts';

export interface PublisherOptions {
  db: DatabaseHandle;
  logger: Logger;
  /** Where Tocsin keeps its own copy of every page: `<siteDir>/<workspace>/<page>`. */
  siteDir: string;
  fallbackUrl: string;
  /** Tocsin's public address: where a page's subscription form posts. */
  publicUrl?: string;
  /** Seconds between sweeps for retries and missed wake-ups. (Default: 5) */
  sweepSeconds?: number;
  now?: () => Date;
}

export interface Publisher {
  /** Emits `published` with each PageOutcome. */
  readonly events: EventEmitter;
  /** Publishes what is pending now (also what a notification or the sweep does). */
  run(): Promise<PageOutcome[]>;
  stop(): Promise<void>;
}

export function siteFolder(siteDir: string, page: Pick<ClaimedPage, 'workspaceSlug' | 'pageSlug'>): string {
  return path.join(siteDir, page.workspaceSlug, page.pageSlug);
}

/** Tocsin's own folder for every page, then the page's configured targets (public pages only). */
export function targetsResolver(db: DatabaseHandle, siteDir: string) {
  return async (page: ClaimedPage): Promise<SiteTarget[]> => {
    const own = folderTarget(siteFolder(siteDir, page));
    if (page.visibility === 'private') return [own];
    const rows = await db.db.selectFrom('publish_targets').select(['config']).where('workspace_id', '=', page.workspaceId).where('page_id', '=', page.pageId).orderBy('created_at').execute();
    return [own, ...rows.map((row) => targetFromConfig(row.config, { workDir: path.join(siteDir, '.targets') }))];
  };
}

/**
 * Keeps the status pages published: woken by the NOTIFY a change sends at commit, and by a sweep
 * that retries failed publishes after their backoff. One run at a time in a process; N processes
 * share the pages through the lease in publishPendingPages.
 */
export async function startPublisher(options: PublisherOptions): Promise<Publisher> {
  const { db, logger } = options;
  const events = new EventEmitter();
  // The publisher remembers each page's last build (its incidents and files): a publish after one
  // update reads, renders and writes what that update changed.
  const deps = { db, now: options.now ?? (() => new Date()), fallbackUrl: options.fallbackUrl, publicUrl: options.publicUrl, render: createSiteRenderer(), memory: new Map(), targetsFor: targetsResolver(db, options.siteDir) };
  let running: Promise<PageOutcome[]> | undefined;
  let again = false;
  let stopped = false;

  const run = async (): Promise<PageOutcome[]> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      const all: PageOutcome[] = [];
      do {
        again = false;
        for (const outcome of await publishPendingPages(deps)) {
          all.push(outcome);
          const summary = { workspace: outcome.page.workspaceSlug, page: outcome.page.pageSlug, version: outcome.page.contentVersion, files: outcome.files, targets: outcome.targets, ms: roundedTimings(outcome.timings) };
          if (outcome.ok) logger.info(summary, 'status page published');
          else logger.warn(summary, 'status page publish failed; it will be retried');
          events.emit('published', outcome);
        }
      } while (again && !stopped);
      return all;
    })().finally(() => (running = undefined));
    return running;
  };
  const kick = () => {
    if (!stopped) run().catch((error) => logger.error({ err: error }, 'status page publisher failed'));
  };

  const unlisten = await db.listen('tocsin_publish', kick);
  const sweep = setInterval(kick, (options.sweepSeconds ?? 5) * 1000);
  sweep.unref();
  kick();
  return {
    events,
    run,
    async stop() {
      stopped = true;
      clearInterval(sweep);
      await unlisten();
      await running;
    },
  };
}

/** Phase timings to the tenth of a millisecond, for the log. */
function roundedTimings(timings: PageOutcome['timings']): PageOutcome['timings'] {
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { readMs: round(timings.readMs), renderMs: round(timings.renderMs), publishMs: round(timings.publishMs) };
}
