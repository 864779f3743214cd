import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/connect.ts';
import type { Ctx } from '../context.ts';

/** Entities whose changes show on the public pages. */
const publicEntities = new Set(['incident', 'incident_update', 'component', 'component_group', 'maintenance', 'status_page', 'workspace']);

export function affectsPublicPages(entityType: string): boolean {
  return publicEntities.has(entityType);
}

/** The entity a page must read again: an incident for a change to one of its updates. */
export interface PublicChange {
  entityType: string;
  entityId: string;
}

/**
 * Moves the content version of every page of the workspace (or of `pageId`) on, in the caller's
 * transaction, and journals what changed under each new version: the publishers (woken by a
 * trigger's NOTIFY at commit) rebuild the pages, re-reading only what the journal names, and a
 * rolled-back change publishes nothing.
 */
export async function markPagesStale(tx: Tx, ctx: Pick<Ctx, 'workspaceId' | 'now'>, change: PublicChange, pageId?: string): Promise<void> {
  await sql`
    with stale as (
      update status_pages set content_version = content_version + 1
      where workspace_id = ${ctx.workspaceId} ${pageId === undefined ? sql`` : sql`and id = ${pageId}`}
      returning workspace_id, id, content_version
    )
    insert into public_changes (workspace_id, page_id, version, entity_type, entity_id, changed_at)
    select workspace_id, id, content_version, ${change.entityType}::text, ${change.entityId}::text, ${ctx.now()}::timestamptz from stale`.execute(tx);
}
