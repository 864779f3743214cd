import type { Db } from '../../adapters/db/connect.ts';
import { z } from 'zod';
import type { FactFigures } from '../../adapters/db/schema.ts';
import { incidentStatuses, isOpen } from '../../domain/incident/lifecycle.ts';
import type { LintFacts } from '../../domain/linter/index.ts';
import type { Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';

/**
 * What the linter needs of an incident's fact sheet: whether it is running, a breach or not, the
 * newest confirmed figures, the affected components' public names, the hypotheses and the key
 * messages. Withdrawn entries do not count.
 */
export async function loadLintFacts(db: Db, ctx: Pick<Ctx, 'workspaceId'>, incidentId: string): Promise<LintFacts | undefined> {
  const incident = await db
    .selectFrom('incidents')
    .innerJoin('workspaces', 'workspaces.id', 'incidents.workspace_id')
    .select(['incidents.status', 'incidents.occurred_at', 'incidents.detected_at', 'incidents.created_at', 'workspaces.time_zone'])
    .where('incidents.workspace_id', '=', ctx.workspaceId)
    .where('incidents.id', '=', incidentId)
    .executeTakeFirst();
  if (!incident) return undefined;
  const [sheet, entries, components] = await Promise.all([
    db.selectFrom('fact_sheets').select('personal_data_breach').where('workspace_id', '=', ctx.workspaceId).where('incident_id', '=', incidentId).executeTakeFirst(),
    db
      .selectFrom('fact_entries')
      .select(['kind', 'text', 'figures', 'language', 'noted_at'])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('incident_id', '=', incidentId)
      .where('kind', 'in', ['known', 'unconfirmed', 'key_message'])
      .where('withdrawn_at', 'is', null)
      .orderBy('noted_at')
      .execute(),
    db
      .selectFrom('incident_components')
      .innerJoin('components', (join) => join.onRef('components.workspace_id', '=', 'incident_components.workspace_id').onRef('components.id', '=', 'incident_components.component_id'))
      .select('components.name')
      .where('incident_components.workspace_id', '=', ctx.workspaceId)
      .where('incident_components.incident_id', '=', incidentId)
      .orderBy('components.position')
      .execute(),
  ]);
  // The newest confirmed value of each figure wins: entries come oldest first.
  const figures: FactFigures = {};
  for (const entry of entries) if (entry.kind === 'known' && entry.figures) Object.assign(figures, stripUnset(entry.figures));
  const started = incident.occurred_at ?? incident.detected_at ?? incident.created_at;
  return {
    incidentOpen: isOpen(incident.status),
    personalDataBreach: sheet?.personal_data_breach ?? false,
    figures: { affectedPeople: figures.affected_people, records: figures.records, regions: figures.regions },
    startedAt: started.toISOString(),
    status: incident.status === 'postmortem' ? 'resolved' : incident.status,
    affectedComponents: components.map((component) => component.name),
    unconfirmed: entries.filter((entry) => entry.kind === 'unconfirmed').map((entry) => entry.text),
    keyMessages: entries.filter((entry) => entry.kind === 'key_message').map((entry) => ({ text: entry.text, language: entry.language ?? 'en' })),
    timeZone: incident.time_zone,
  };
}

function stripUnset(figures: FactFigures): FactFigures {
  return Object.fromEntries(Object.entries(figures).filter(([, value]) => value !== undefined && value !== null));
}

const Live = { withdrawn_at: z.string().nullable().optional() };
const Figures = z.object({ affected_people: z.number().int().min(0).optional(), records: z.number().int().min(0).optional(), regions: z.array(z.string()).optional() });

/** The fact sheet as the API returns it (GET /api/admin/incidents/{id}/facts); other fields are ignored. */
const SheetJson = z.object({
  incident: z
    .object({
      status: z.enum(incidentStatuses),
      started_at: z.string().nullable().optional(),
      components: z.array(z.object({ name: z.string() })).default([]),
      time_zone: z.string().optional(),
    })
    .optional(),
  personal_data_breach: z.boolean().default(false),
  known: z.array(z.object({ text: z.string(), figures: Figures.nullable().optional(), ...Live })).default([]),
  unconfirmed: z.array(z.object({ text: z.string(), ...Live })).default([]),
  key_messages: z.array(z.object({ text: z.string(), language: z.enum(['fr', 'en']), ...Live })).default([]),
});

/** `loadLintFacts` from a saved fact sheet, for `tocsin lint --facts` (offline). A sheet without its incident counts as open. */
export function lintFactsFromSheet(json: unknown): LintFacts {
  const sheet = parseInput(SheetJson, json);
  const live = <T extends { withdrawn_at?: string | null }>(entries: T[]) => entries.filter((entry) => !entry.withdrawn_at);
  const figures: FactFigures = {};
  for (const entry of live(sheet.known)) if (entry.figures) Object.assign(figures, stripUnset(entry.figures));
  const status = sheet.incident?.status;
  return {
    incidentOpen: status ? isOpen(status) : true,
    personalDataBreach: sheet.personal_data_breach,
    figures: { affectedPeople: figures.affected_people, records: figures.records, regions: figures.regions },
    startedAt: sheet.incident?.started_at ?? undefined,
    status: status === undefined ? undefined : status === 'postmortem' ? 'resolved' : status,
    affectedComponents: sheet.incident?.components.map((component) => component.name) ?? [],
    unconfirmed: live(sheet.unconfirmed).map((entry) => entry.text),
    keyMessages: live(sheet.key_messages).map((entry) => ({ text: entry.text, language: entry.language })),
    timeZone: sheet.incident?.time_zone,
  };
}
