import type { Db } from '../../adapters/db/connect.ts';
import type { FactFigures, Row } from '../../adapters/db/schema.ts';
import { authorize, type Ctx } from '../context.ts';
import { fetchIncident, fetchMarks, presentEntry, type FactEntry, type PromiseState } from './internal.ts';

/** The incident's shared document (doctrine §4), as the console shows it and `tocsin lint --facts` reads it. */
export async function getFactSheet({ ctx, incidentId }: { ctx: Ctx; incidentId: string }) {
  authorize(ctx, 'facts.read');
  return loadFactSheet(ctx.tx ?? ctx.db.db, ctx, incidentId);
}

export type FactSheet = Awaited<ReturnType<typeof loadFactSheet>>;

/**
 * Reads the sheet row before its entries: an entry changed in between makes the version older than
 * the content (the next If-Match fails safe), never newer.
 */
export async function loadFactSheet(db: Db, ctx: Pick<Ctx, 'workspaceId' | 'now'>, incidentId: string) {
  const incident = await fetchIncident(db, ctx, incidentId);
  const sheet = await db.selectFrom('fact_sheets').selectAll().where('workspace_id', '=', ctx.workspaceId).where('incident_id', '=', incidentId).executeTakeFirst();
  const [rows, people, components, workspace] = await Promise.all([
    db
      .selectFrom('fact_entries')
      .selectAll()
      .where('workspace_id', '=', ctx.workspaceId)
      .where('incident_id', '=', incidentId)
      .orderBy('noted_at')
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    referents(db, incident),
    db
      .selectFrom('incident_components')
      .innerJoin('components', (join) => join.onRef('components.workspace_id', '=', 'incident_components.workspace_id').onRef('components.id', '=', 'incident_components.component_id'))
      .select('components.name')
      .where('incident_components.workspace_id', '=', ctx.workspaceId)
      .where('incident_components.incident_id', '=', incidentId)
      .orderBy('components.position')
      .orderBy('components.id')
      .execute(),
    db.selectFrom('workspaces').select('time_zone').where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow(),
  ]);
  const marks = await fetchMarks(db, ctx, rows);
  const now = ctx.now();
  const live = rows.filter((row) => row.withdrawn_at === null).map((row) => presentEntry(row, marks.get(row.id), now));
  const ofKind = <K extends FactEntry['kind']>(kind: K) => live.filter((entry): entry is Extract<FactEntry, { kind: K }> => entry.kind === kind);
  const known = ofKind('known');
  const promised = ofKind('promised');
  const summary: Record<PromiseState, number> = { pending: 0, kept: 0, broken: 0, dropped: 0, postponed: 0 };
  for (const promise of promised) summary[promise.state] += 1;
  return {
    incident_id: incident.id,
    incident: {
      name: incident.name,
      status: incident.status,
      impact: incident.impact,
      started_at: (incident.occurred_at ?? incident.detected_at ?? incident.created_at).toISOString(),
      time_zone: workspace.time_zone,
      components: components.map((component) => component.name),
    },
    /** 0 until the sheet's first change. */
    version: sheet?.version ?? 0,
    personal_data_breach: sheet?.personal_data_breach ?? false,
    audiences: sheet?.audiences ?? [],
    referent: people.referent,
    backup_referent: people.backup,
    figures: currentFigures(known),
    known,
    unconfirmed: ofKind('unconfirmed'),
    said: ofKind('said'),
    promised,
    rumors: ofKind('rumor'),
    key_messages: ofKind('key_message'),
    withdrawn: rows.filter((row) => row.withdrawn_at !== null).map((row) => presentEntry(row, marks.get(row.id), now)),
    promises_summary: summary,
    as_of: now.toISOString(),
    updated_at: sheet?.updated_at.toISOString() ?? null,
  };
}

/** The newest confirmed value of each figure (entries come oldest first), as the linter reads them. */
function currentFigures(known: Array<{ figures: FactFigures }>): FactFigures {
  const figures: FactFigures = {};
  for (const entry of known) {
    for (const [key, value] of Object.entries(entry.figures) as Array<[keyof FactFigures, never]>) if (value !== undefined && value !== null) figures[key] = value;
  }
  return figures;
}

export interface Referent {
  id: string;
  name: string;
  email: string;
}

async function referents(db: Db, incident: Row<'incidents'>): Promise<{ referent: Referent | null; backup: Referent | null }> {
  const ids = [incident.referent_id, incident.backup_referent_id].filter((id) => id !== null);
  const users = ids.length === 0 ? [] : await db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', ids).execute();
  const find = (id: string | null) => users.find((user) => user.id === id) ?? null;
  return { referent: find(incident.referent_id), backup: find(incident.backup_referent_id) };
}
