import type { PublicSnapshot, SiteFile } from './snapshot.ts';
import { correctionsLog } from './html/corrections-page.ts';

/**
 * corrections.json: the corrections log for machines, newest first (not part of the Statuspage API).
 * `truth` is the approved Markdown; `said` is plain text. Present once a correction is published.
 */
export function renderCorrectionsJson(snapshot: PublicSnapshot): SiteFile[] {
  const log = correctionsLog(snapshot.incidents);
  if (log.length === 0) return [];
  const { page } = snapshot;
  const document = {
    page: { id: page.id, name: page.name, url: page.url, language: page.language, time_zone: page.timeZone },
    corrections: log.map(({ incident, correction }) => ({
      id: correction.id,
      incident: { id: incident.id, name: incident.name, shortlink: `${page.url}/incidents/${incident.id}` },
      said: correction.said,
      truth: correction.truth,
      published_at: correction.publishedAt.toISOString(),
    })),
  };
  return [{ path: 'corrections.json', contentType: 'application/json; charset=utf-8', body: `${JSON.stringify(document, null, 2)}\n` }];
}
