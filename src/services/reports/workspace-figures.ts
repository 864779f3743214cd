import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { InvalidError } from '../../domain/errors.ts';
import { monthlyFigures, monthOf, monthsBetween, type IncidentFigures } from '../../domain/reports/figures.ts';
import { authorize, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month such as 2026-03');
export const WorkspaceFiguresInput = z.strictObject({ from: Month.optional(), to: Month.optional() });
export type WorkspaceFiguresInput = z.input<typeof WorkspaceFiguresInput>;
/** The longest period asked at once, in months. */
const maxMonths = 60;

/**
 * The workspace's figures across incidents, per month of detection (workspace time zone): time to
 * the first public message (median, p90), promised updates on time, deliveries that arrived.
 * Default: the twelve months up to this one.
 */
export async function workspaceFigures({ ctx, input }: { ctx: Ctx; input: WorkspaceFiguresInput }) {
  authorize(ctx, 'report.read');
  const range = parseInput(WorkspaceFiguresInput, input);
  const db = ctx.tx ?? ctx.db.db;
  const { time_zone: timeZone } = await db.selectFrom('workspaces').select('time_zone').where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow();
  const now = ctx.now();
  const to = range.to ?? monthOf(now, timeZone);
  const from = range.from ?? DateTime.fromISO(`${to}-01`, { zone: timeZone }).minus({ months: 11 }).toFormat('yyyy-MM');
  const months = monthsBetween(from, to);
  if (months.length === 0) throw new InvalidError('The period is empty: "from" comes after "to".', [{ pointer: '/from', detail: `after to (${to})` }]);
  if (months.length > maxMonths) throw new InvalidError(`The period is too long: at most ${maxMonths} months at once.`, [{ pointer: '/to', detail: `${months.length} months from ${from}` }]);
  const start = DateTime.fromISO(`${from}-01`, { zone: timeZone }).toJSDate();
  const end = DateTime.fromISO(`${to}-01`, { zone: timeZone }).plus({ months: 1 }).toJSDate();

  const detected = sql<Date>`coalesce(incidents.detected_at, incidents.created_at)`;
  const incidents = await db
    .selectFrom('incidents')
    .select(['incidents.id', detected.as('detected_at')])
    .select((eb) =>
      eb
        .selectFrom('incident_updates')
        .select(sql<Date | null>`min(coalesce(incident_updates.published_at, incident_updates.created_at))`.as('first'))
        .whereRef('incident_updates.workspace_id', '=', 'incidents.workspace_id')
        .whereRef('incident_updates.incident_id', '=', 'incidents.id')
        .as('first_public_at'),
    )
    .where('incidents.workspace_id', '=', ctx.workspaceId)
    .where(detected, '>=', start)
    .where(detected, '<', end)
    .execute();
  const ids = incidents.map((i) => i.id);
  const [promises, byMessage, byUpdate] = ids.length === 0 ? [[], [], []] : await Promise.all([
    db
      .selectFrom('fact_entries')
      .select('incident_id')
      .select([
        sql<number>`count(*) filter (where state = 'kept')`.as('on_time'),
        // A pending promise past due reads broken (derived at read time, as the fact sheet does).
        sql<number>`count(*) filter (where state = 'broken' or (coalesce(state, 'pending') = 'pending' and due_at < ${now}))`.as('late'),
      ])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('incident_id', 'in', ids)
      .where('kind', '=', 'promised')
      .where('promise_kind', '=', 'next_update')
      .where('due_at', 'is not', null)
      .where('withdrawn_at', 'is', null)
      .groupBy('incident_id')
      .execute(),
    deliveryCounts(ctx, ids, 'message'),
    deliveryCounts(ctx, ids, 'update'),
  ]);
  const figures: IncidentFigures[] = incidents.map((incident) => {
    const promise = promises.find((p) => p.incident_id === incident.id);
    const counts = [...byMessage, ...byUpdate].filter((d) => d.incident_id === incident.id);
    const sum = (key: 'sent' | 'failed' | 'dead') => counts.reduce((total, d) => total + Number(d[key]), 0);
    return {
      id: incident.id,
      detectedAt: new Date(incident.detected_at),
      firstPublicAt: incident.first_public_at ? new Date(incident.first_public_at) : null,
      promisesOnTime: Number(promise?.on_time ?? 0),
      promisesLate: Number(promise?.late ?? 0),
      deliveries: { sent: sum('sent'), failed: sum('failed'), dead: sum('dead') },
    };
  });
  return { from, to, time_zone: timeZone, months: monthlyFigures(figures, months, timeZone) };
}

/** Settled deliveries per incident, through its messages or its updates posted without one. */
function deliveryCounts(ctx: Ctx, incidentIds: string[], through: 'message' | 'update') {
  const db = ctx.tx ?? ctx.db.db;
  const counts = [
    sql<number>`count(*) filter (where deliveries.state = 'sent')`.as('sent'),
    sql<number>`count(*) filter (where deliveries.state = 'failed')`.as('failed'),
    sql<number>`count(*) filter (where deliveries.state = 'dead')`.as('dead'),
  ] as const;
  if (through === 'message') {
    return db
      .selectFrom('deliveries')
      .innerJoin('messages', (join) => join.onRef('messages.workspace_id', '=', 'deliveries.workspace_id').onRef('messages.id', '=', 'deliveries.message_id'))
      .select('messages.incident_id')
      .select(counts)
      .where('deliveries.workspace_id', '=', ctx.workspaceId)
      .where('messages.incident_id', 'in', incidentIds)
      .groupBy('messages.incident_id')
      .execute();
  }
  return db
    .selectFrom('deliveries')
    .innerJoin('incident_updates', (join) => join.onRef('incident_updates.workspace_id', '=', 'deliveries.workspace_id').onRef('incident_updates.id', '=', 'deliveries.update_id'))
    .select('incident_updates.incident_id')
    .select(counts)
    .where('deliveries.workspace_id', '=', ctx.workspaceId)
    .where('deliveries.message_id', 'is', null)
    .where('incident_updates.incident_id', 'in', incidentIds)
    .groupBy('incident_updates.incident_id')
    .execute();
}
