import type { Db } from '../../adapters/db/connect.ts';
import { textIn } from '../../domain/corrections/correction.ts';
import type { PublicCorrection } from '../../status-page/snapshot.ts';

/**
 * The published corrections of a page's incidents (all, or `incidentIds`), newest first per incident,
 * in the page's language: an allow-list of fields. Drafts and the rumor itself (its source, the
 * team's wording) never enter it.
 */
export async function readPublicCorrections(db: Db, workspaceId: string, incidentIds: string[] | undefined, language: 'fr' | 'en'): Promise<Map<string, PublicCorrection[]>> {
  const byIncident = new Map<string, PublicCorrection[]>();
  if (incidentIds?.length === 0) return byIncident;
  const rows = await db
    .selectFrom('corrections')
    .select(['id', 'incident_id', 'said', 'published_truth', 'published_at'])
    .where('workspace_id', '=', workspaceId)
    .where('published_at', 'is not', null)
    .$if(incidentIds !== undefined, (q) => q.where('incident_id', 'in', incidentIds!))
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  for (const row of rows) {
    const said = textIn(row.said, language);
    const truth = row.published_truth && textIn(row.published_truth, language);
    if (!said || !truth || !row.published_at) continue;
    const list = byIncident.get(row.incident_id) ?? [];
    list.push({ id: row.id, said, truth, publishedAt: row.published_at });
    byIncident.set(row.incident_id, list);
  }
  return byIncident;
}
