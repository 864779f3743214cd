import type { Db } from '../../adapters/db/connect.ts';
import type { Ctx } from '../context.ts';

/** The incident's known facts still standing, oldest first: what drafts and notices are filled from. */
export function loadKnownFacts(db: Db, ctx: Pick<Ctx, 'workspaceId'>, incidentId: string) {
  return db
    .selectFrom('fact_entries')
    .select(['text', 'language', 'figures'])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('incident_id', '=', incidentId)
    .where('kind', '=', 'known')
    .where('withdrawn_at', 'is', null)
    .orderBy('noted_at')
    .orderBy('created_at')
    .execute();
}
