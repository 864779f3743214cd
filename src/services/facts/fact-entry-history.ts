import { authorize, type Ctx } from '../context.ts';
import { fetchIncident, marksFrom, presentEntry } from './internal.ts';
import { NotFoundError } from '../../domain/errors.ts';

/** An entry as it stands and every change to it, oldest first: who, when, before, after. */
export async function factEntryHistory({ ctx, incidentId, entryId }: { ctx: Ctx; incidentId: string; entryId: string }) {
  authorize(ctx, 'facts.read');
  const db = ctx.tx ?? ctx.db.db;
  await fetchIncident(db, ctx, incidentId);
  const row = await db
    .selectFrom('fact_entries')
    .selectAll()
    .where('workspace_id', '=', ctx.workspaceId)
    .where('incident_id', '=', incidentId)
    .where('id', '=', entryId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('fact-entry', entryId);
  const audit = await db
    .selectFrom('audit_log')
    .select(['id', 'entity_id', 'at', 'actor_type', 'actor_id', 'actor_name', 'action', 'before', 'after', 'request_id'])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('entity_type', '=', 'fact_entry')
    .where('entity_id', '=', entryId)
    .orderBy('id')
    .execute();
  return {
    entry: presentEntry(row, marksFrom(audit).get(entryId), ctx.now()),
    // Entries the publish ledger writes (said, next-update promises) start without an audit row:
    // `entry.author` and `entry.created_at` say who recorded them and when.
    changes: audit.map((change) => ({
      at: change.at.toISOString(),
      actor: { type: change.actor_type, id: change.actor_id, name: change.actor_name },
      action: change.action,
      before: change.before,
      after: change.after,
      request_id: change.request_id,
    })),
  };
}
