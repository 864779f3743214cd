import type { Db, Tx } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { RumorState } from '../../domain/corrections/correction.ts';
import type { Ctx } from '../context.ts';

/** A rumor of this incident's fact sheet; another kind of entry, or another incident's, is not found. */
export async function fetchRumor(db: Db | Tx, ctx: Pick<Ctx, 'workspaceId'>, incidentId: string, entryId: string, forUpdate = false): Promise<Row<'fact_entries'>> {
  let query = db.selectFrom('fact_entries').selectAll().where('workspace_id', '=', ctx.workspaceId).where('incident_id', '=', incidentId).where('id', '=', entryId).where('kind', '=', 'rumor');
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFoundError('rumor', entryId);
  return row;
}

// A rumor's state column is written only through the fact sheet's verbs, which accept these three (null reads as open).
export const rumorStateOf = (row: Pick<Row<'fact_entries'>, 'state'>): RumorState => (row.state === 'refuted' || row.state === 'confirmed' ? row.state : 'open');

/** A correction as the admin API shows it. */
export function presentCorrection(row: Row<'corrections'>, message: { state: string } | undefined) {
  return {
    id: row.id,
    incident_id: row.incident_id,
    rumor_id: row.rumor_entry_id,
    message_id: row.message_id,
    message_state: message?.state ?? 'draft',
    said: row.said,
    truth: row.truth,
    published_truth: row.published_truth,
    published_at: row.published_at?.toISOString() ?? null,
    created_by: row.created_by_name,
    created_at: row.created_at.toISOString(),
    version: row.version,
  };
}
export type CorrectionView = ReturnType<typeof presentCorrection>;
