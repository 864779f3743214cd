import type { Tx } from '../../adapters/db/connect.ts';
import type { Ctx } from '../context.ts';

/** Entities whose changes show on the public pages. */
const publicEntities = new Set(['incident', 'incident_update', 'component', 'component_group', 'maintenance', 'status_page', 'workspace']);

export function affectsPublicPages(entityType: string): boolean {
  return publicEntities.has(entityType);
}

/**
 * Moves the content version of every page of the workspace on, in the caller's transaction: the
 * publishers (woken by a trigger's NOTIFY at commit) rebuild them, and a rolled-back change
 * publishes nothing.
 */
export async function markPagesStale(tx: Tx, ctx: Pick<Ctx, 'workspaceId'>): Promise<void> {
  await tx
    .updateTable('status_pages')
    .set((eb) => ({ content_version: eb('content_version', '+', 1) }))
    .where('workspace_id', '=', ctx.workspaceId)
    .execute();
}
