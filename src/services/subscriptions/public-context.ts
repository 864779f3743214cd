import type { DatabaseHandle } from '../../adapters/db/connect.ts';
import type { Language } from '../../adapters/db/schema.ts';
import type { Queue } from '../../adapters/queue/queue.ts';
import type { Ctx } from '../context.ts';

/** What the self-service verbs need: no signed-in actor, the subscriber holds a link or a code. */
export interface SelfServiceDeps {
  db: DatabaseHandle;
  queue: Queue;
  now: () => Date;
  /** Tocsin's public address, for the links in confirmations. */
  publicUrl: string;
}

/** A public status page as its subscription form knows it. */
export interface SubscribablePage {
  workspaceId: string;
  workspaceSlug: string;
  pageId: string;
  pageSlug: string;
  name: string;
  language: Language;
  /** The page's own URL, null when it is served under the fallback `statusUrl`. */
  url: string | null;
}

/** A public page by its workspace and page slugs; private pages take no self-service subscribers. */
export async function findSubscribablePage(db: DatabaseHandle, workspaceSlug: string, pageSlug: string): Promise<SubscribablePage | undefined> {
  const row = await db.db
    .selectFrom('status_pages')
    .innerJoin('workspaces', 'workspaces.id', 'status_pages.workspace_id')
    .select(['status_pages.workspace_id', 'status_pages.id', 'status_pages.slug', 'status_pages.name', 'status_pages.language', 'status_pages.url', 'workspaces.slug as workspace_slug'])
    .where('workspaces.slug', '=', workspaceSlug)
    .where('status_pages.slug', '=', pageSlug)
    .where('status_pages.visibility', '=', 'public')
    .executeTakeFirst();
  return row && { workspaceId: row.workspace_id, workspaceSlug: row.workspace_slug, pageId: row.id, pageSlug: row.slug, name: row.name, language: row.language, url: row.url };
}

/** The origin the page is read from: its own URL's, else the fallback status URL's (`<statusUrl>/<slug>`). */
export function pageOrigin(page: Pick<SubscribablePage, 'url'>, statusUrl: string | undefined): string | undefined {
  const url = page.url ?? statusUrl;
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** The subscriber acts on their own subscription: the system, named so in any record. */
export function selfServiceCtx(deps: SelfServiceDeps, workspaceId: string): Ctx {
  return { workspaceId, actor: { type: 'system', name: 'subscriber (self-service)' }, db: deps.db, queue: deps.queue, now: deps.now };
}
