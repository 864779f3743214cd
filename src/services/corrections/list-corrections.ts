import type { Row } from '../../adapters/db/schema.ts';
import { rumorStanding } from '../../domain/corrections/correction.ts';
import { authorize, type Ctx } from '../context.ts';
import { fetchIncident } from '../incident/fetch-incident.ts';
import { presentCorrection, rumorStateOf } from './internal.ts';

/**
 * The incident's rumors (withdrawn ones left out) with where each stands and its corrections, newest
 * first, and the log as the status page shows it: the published corrections, newest first.
 */
export async function listCorrections({ ctx, incidentId }: { ctx: Ctx; incidentId: string }) {
  authorize(ctx, 'facts.read');
  const db = ctx.tx ?? ctx.db.db;
  const incident = await fetchIncident(db, ctx, incidentId);
  const [rumors, corrections] = await Promise.all([
    db
      .selectFrom('fact_entries')
      .selectAll()
      .where('workspace_id', '=', ctx.workspaceId)
      .where('incident_id', '=', incidentId)
      .where('kind', '=', 'rumor')
      .where('withdrawn_at', 'is', null)
      .orderBy('noted_at', 'desc')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('corrections')
      .leftJoin('messages', (join) => join.onRef('messages.workspace_id', '=', 'corrections.workspace_id').onRef('messages.id', '=', 'corrections.message_id'))
      .selectAll('corrections')
      .select('messages.state as message_state')
      .where('corrections.workspace_id', '=', ctx.workspaceId)
      .where('corrections.incident_id', '=', incidentId)
      .orderBy('corrections.created_at', 'desc')
      .orderBy('corrections.id', 'desc')
      .execute(),
  ]);
  const present = (row: Row<'corrections'> & { message_state: string | null }) => presentCorrection(row, { state: row.message_state ?? 'draft' });
  return {
    incident_id: incident.id,
    incident: { name: incident.name, is_public: incident.public_at !== null },
    rumors: rumors.map((rumor) => {
      const own = corrections.filter((c) => c.rumor_entry_id === rumor.id);
      return {
        id: rumor.id,
        text: rumor.text,
        source: rumor.source,
        noted_at: rumor.noted_at.toISOString(),
        state: rumorStateOf(rumor),
        standing: rumorStanding(rumorStateOf(rumor), own.map((c) => ({ publishedAt: c.published_at }))),
        correction: rumor.correction,
        corrections: own.map(present),
      };
    }),
    log: corrections
      .filter((c) => c.published_at !== null)
      .sort((a, b) => b.published_at!.getTime() - a.published_at!.getTime())
      .map(present),
  };
}
