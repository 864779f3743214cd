import { sql } from 'kysely';
import type { DatabaseHandle } from '../../adapters/db/connect.ts';
import type { PublishOutcome, SiteTarget } from '../../adapters/storage/site-target.ts';
import type { SiteFile, PublicSnapshot } from '../../status-page/snapshot.ts';
import { buildSnapshot, type PageMemory } from './build-snapshot.ts';

/** How long a claimed page stays with its builder before another worker may take it over. */
const leaseSeconds = 120;

/** Seconds before retrying a page whose publish failed `failures` times: 5 s doubling, at most 10 min, with jitter. */
export function retryDelaySeconds(failures: number, random: () => number = Math.random): number {
  const base = Math.min(600, 5 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

export interface ClaimedPage {
  workspaceId: string;
  workspaceSlug: string;
  pageId: string;
  pageSlug: string;
  visibility: 'public' | 'private';
  contentVersion: number;
  /** Failed attempts in a row before this one. */
  failures: number;
}

export interface PageOutcome {
  page: ClaimedPage;
  ok: boolean;
  files: number;
  targets: Array<{ target: string } & (PublishOutcome | { error: string })>;
  /** Milliseconds spent reading the snapshot, rendering the files, and publishing them to every target. */
  timings: { readMs: number; renderMs: number; publishMs: number };
}

export interface PublishDeps {
  db: DatabaseHandle;
  now: () => Date;
  /** Base URL of pages without their own (`TOCSIN_STATUS_URL`). */
  fallbackUrl: string;
  /** Tocsin's public address, where a public page's subscription form posts (`TOCSIN_PUBLIC_URL`). (Default: no form) */
  publicUrl?: string;
  render: (snapshot: PublicSnapshot) => SiteFile[];
  /** A long-lived publisher's memory of each page's last build: the next one reads only what changed. */
  memory?: Map<string, PageMemory>;
  /** Every place the page goes; private pages only to Tocsin's own folder. */
  targetsFor: (page: ClaimedPage) => Promise<SiteTarget[]>;
}

/**
 * Claims the next page whose content is newer than what was published, under a lease: one statement
 * (atomic on its own, one round trip), the page locked with skip locked so that N workers never wait.
 */
async function claimNext(db: DatabaseHandle, now: Date, onlyPageId?: string): Promise<ClaimedPage | undefined> {
  const leaseUntil = new Date(now.getTime() + leaseSeconds * 1000);
  let candidates = db.db
    .selectFrom('status_pages')
    .select(['workspace_id', 'id'])
    .whereRef('content_version', '>', 'published_version')
    .where((eb) => eb.or([eb('build_lease_until', 'is', null), eb('build_lease_until', '<', now)]));
  if (onlyPageId) candidates = candidates.where('id', '=', onlyPageId);
  else candidates = candidates.where((eb) => eb.or([eb('next_publish_at', 'is', null), eb('next_publish_at', '<=', now)]));
  const claimed = await db.db
    .updateTable('status_pages')
    .set({ build_lease_until: leaseUntil })
    .from([candidates.orderBy(sql`next_publish_at nulls first`).limit(1).forUpdate().skipLocked().as('candidate'), 'workspaces'])
    .whereRef('status_pages.workspace_id', '=', 'candidate.workspace_id')
    .whereRef('status_pages.id', '=', 'candidate.id')
    .whereRef('workspaces.id', '=', 'status_pages.workspace_id')
    .returning(['status_pages.workspace_id', 'status_pages.id', 'status_pages.slug', 'status_pages.visibility', 'status_pages.content_version', 'status_pages.publish_failures', 'workspaces.slug as workspace_slug'])
    .executeTakeFirst();
  if (!claimed) return undefined;
  return { workspaceId: claimed.workspace_id, workspaceSlug: claimed.workspace_slug, pageId: claimed.id, pageSlug: claimed.slug, visibility: claimed.visibility, contentVersion: claimed.content_version, failures: claimed.publish_failures };
}

/** Builds one claimed page and publishes it to all its targets; records the outcome. */
async function publishClaimed(deps: PublishDeps, page: ClaimedPage): Promise<PageOutcome> {
  const { db } = deps;
  const outcome: PageOutcome = { page, ok: true, files: 0, targets: [], timings: { readMs: 0, renderMs: 0, publishMs: 0 } };
  let mark = performance.now();
  const lap = () => {
    const at = performance.now();
    const ms = at - mark;
    mark = at;
    return ms;
  };
  try {
    // One consistent read: the HTML, the JSON and the feeds describe the same instant.
    const snapshot = await db.transaction((tx) => buildSnapshot({ db: tx, workspaceId: page.workspaceId, pageId: page.pageId, now: deps.now(), fallbackUrl: deps.fallbackUrl, publicUrl: deps.publicUrl, memory: deps.memory }), { isolation: 'repeatable read' });
    outcome.timings.readMs = lap();
    const files = deps.render(snapshot);
    outcome.timings.renderMs = lap();
    outcome.files = files.length;
    for (const target of await deps.targetsFor(page)) {
      try {
        outcome.targets.push({ target: target.description, ...(await target.publish(files)) });
      } catch (error) {
        outcome.ok = false;
        outcome.targets.push({ target: target.description, error: (error as Error).message });
      }
    }
    outcome.timings.publishMs = lap();
  } catch (error) {
    outcome.ok = false;
    outcome.targets.push({ target: 'build', error: (error as Error).message });
  }
  const now = deps.now();
  const failures = outcome.targets.filter((t): t is { target: string; error: string } => 'error' in t);
  await db.db
    .updateTable('status_pages')
    .set((eb) =>
      outcome.ok
        ? { published_version: sql<number>`greatest(published_version, ${page.contentVersion})`, build_lease_until: null, published_at: now, publish_failures: 0, next_publish_at: null, last_publish_error: null }
        : {
            build_lease_until: null,
            publish_failures: eb('publish_failures', '+', 1),
            next_publish_at: new Date(now.getTime() + retryDelaySeconds(page.failures + 1) * 1000),
            last_publish_error: failures.map((f) => `${f.target}: ${f.error}`).join('; ').slice(0, 2_000),
          },
    )
    .where('workspace_id', '=', page.workspaceId)
    .where('id', '=', page.pageId)
    .execute();
  return outcome;
}

/**
 * Publishes every page whose content moved on since its last publish (or only `pageId`, on demand),
 * until none is left. N workers share the work: each page is claimed under a lease.
 */
export async function publishPendingPages(deps: PublishDeps, options: { pageId?: string; limit?: number } = {}): Promise<PageOutcome[]> {
  const outcomes: PageOutcome[] = [];
  const limit = options.limit ?? 1_000;
  while (outcomes.length < limit) {
    const page = await claimNext(deps.db, deps.now(), options.pageId);
    if (!page) break;
    outcomes.push(await publishClaimed(deps, page));
    if (options.pageId) break;
  }
  return outcomes;
}
