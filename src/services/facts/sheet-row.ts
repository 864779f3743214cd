import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/connect.ts';
import type { Ctx } from '../context.ts';

/**
 * Moves the incident's fact sheet version on (creating the sheet on first use): every change to
 * the sheet or its entries goes through here, so live views and conflict checks follow one number.
 */
export async function touchFactSheet(tx: Tx, ctx: Pick<Ctx, 'workspaceId'>, incidentId: string, at: Date): Promise<number> {
  const row = await tx
    .insertInto('fact_sheets')
    .values({ workspace_id: ctx.workspaceId, incident_id: incidentId, created_at: at, updated_at: at })
    .onConflict((conflict) => conflict.columns(['workspace_id', 'incident_id']).doUpdateSet({ updated_at: at, version: sql<number>`fact_sheets.version + 1` }))
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}
