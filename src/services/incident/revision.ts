import { sql } from 'kysely';
import type { Db } from '../../adapters/db/connect.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { authorize, type Ctx } from '../context.ts';

/**
 * Where each part of an incident stands, as numbers that move on with every change to that part:
 * what a live view compares to know what to fetch again. No content, only positions.
 */
export interface IncidentRevision {
  /** Opaque: equal revisions mean nothing moved. */
  revision: string;
  /** The incident's version (name, impact, times, status, referents, components). */
  incident: number;
  /** The fact sheet's version (0 until its first change). */
  facts: number;
  /** Moves on when a message or a variant is written, reviewed or published. */
  messages: number;
  /** Moves on when a public update is added or corrected. */
  updates: number;
  /** Reminders and escalations raised and not yet taken in hand. */
  alerts: number;
  /** Moves on when the legal clocks' stamps, a report form or a filing change. */
  regulatory: number;
}

const int = (value: number | string | null | undefined) => Number(value ?? 0);

/** One round trip of indexed counts: cheap enough to ask every second per open war room. */
export async function readIncidentRevision(db: Db, ctx: Pick<Ctx, 'workspaceId'>, incidentId: string): Promise<IncidentRevision | null> {
  const row = await db
    .selectFrom('incidents as i')
    .select([
      'i.version as incident',
      sql<number>`coalesce((select fs.version from fact_sheets fs where fs.workspace_id = i.workspace_id and fs.incident_id = i.id), 0)::int`.as('facts'),
      sql<number>`(select coalesce(sum(m.version), 0) from messages m where m.workspace_id = i.workspace_id and m.incident_id = i.id)::int`.as('message_versions'),
      sql<number>`(select count(*) from message_reviews r join messages m on m.workspace_id = r.workspace_id and m.id = r.message_id
        where m.workspace_id = i.workspace_id and m.incident_id = i.id)::int`.as('reviews'),
      sql<number>`(select coalesce(sum(u.version), 0) from incident_updates u where u.workspace_id = i.workspace_id and u.incident_id = i.id)::int`.as('updates'),
      sql<number>`(select count(*) from clock_alerts a where a.workspace_id = i.workspace_id and a.incident_id = i.id and a.acknowledged_at is null)::int`.as('alerts'),
      sql<number>`(select count(*) from clock_alerts a where a.workspace_id = i.workspace_id and a.incident_id = i.id)::int`.as('alerts_raised'),
      sql<number>`(coalesce((select r.version from incident_regulatory r where r.workspace_id = i.workspace_id and r.incident_id = i.id), 0)
        + (select count(*) from regulatory_submissions s where s.workspace_id = i.workspace_id and s.incident_id = i.id)
        + (select coalesce(sum(f.version), 0) from regulatory_reports f where f.workspace_id = i.workspace_id and f.incident_id = i.id))::int`.as('regulatory'),
    ])
    .where('i.workspace_id', '=', ctx.workspaceId)
    .where('i.id', '=', incidentId)
    .executeTakeFirst();
  if (!row) return null;
  const parts = {
    incident: int(row.incident),
    facts: int(row.facts),
    messages: int(row.message_versions) + int(row.reviews),
    updates: int(row.updates),
    alerts: int(row.alerts),
    regulatory: int(row.regulatory),
  };
  // Raised and pending alerts both count: one raised as another is acknowledged still moves it.
  const revision = [parts.incident, parts.facts, parts.messages, parts.updates, int(row.alerts_raised), parts.alerts, parts.regulatory].map((n) => n.toString(36)).join('.');
  return { revision, ...parts };
}

/** The incident's revision for anyone who may read it; another workspace's incident is not found. */
export async function getIncidentRevision({ ctx, incidentId }: { ctx: Ctx; incidentId: string }): Promise<IncidentRevision> {
  authorize(ctx, 'incident.read');
  const revision = await readIncidentRevision(ctx.tx ?? ctx.db.db, ctx, incidentId);
  if (!revision) throw new NotFoundError('incident', incidentId);
  return revision;
}
