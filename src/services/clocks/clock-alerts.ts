import { sql } from 'kysely';
import { z } from 'zod';
import type { Row } from '../../adapters/db/schema.ts';
import { stepAudience } from '../../domain/clocks/communication.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';

const Flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);
export const ListAlertsInput = z.strictObject({
  /** Only those sent to the person asking. (Default: false) */
  mine: Flag.default(false),
  /** Only those nobody acknowledged, on incidents still open. (Default: true) */
  pending: Flag.default(true),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAlertsInput = z.input<typeof ListAlertsInput>;

type AlertRow = Row<'clock_alerts'> & { incident_name: string; incident_status: string };

function presentAlert(row: AlertRow, ctx: Ctx) {
  return {
    id: row.id,
    incident_id: row.incident_id,
    incident_name: row.incident_name,
    incident_status: row.incident_status,
    clock: row.clock,
    step: row.step,
    to: stepAudience[row.step],
    due_at: row.due_at.toISOString(),
    raised_at: row.created_at.toISOString(),
    to_me: ctx.actor.type === 'user' && row.recipient_ids.includes(ctx.actor.id),
    acknowledged_at: row.acknowledged_at?.toISOString() ?? null,
    acknowledged_by: row.acknowledged_by_name,
  };
}

/**
 * The reminders and escalations the clocks raised, newest first: what the console shows in its
 * alert tray (the same steps went out by e-mail and to the crisis cell's room).
 */
export async function listAlerts({ ctx, input }: { ctx: Ctx; input: ListAlertsInput }) {
  authorize(ctx, 'incident.read');
  const data = parseInput(ListAlertsInput, input);
  let query = (ctx.tx ?? ctx.db.db)
    .selectFrom('clock_alerts as a')
    .innerJoin('incidents as i', (join) => join.onRef('i.workspace_id', '=', 'a.workspace_id').onRef('i.id', '=', 'a.incident_id'))
    .selectAll('a')
    .select(['i.name as incident_name', 'i.status as incident_status'])
    .where('a.workspace_id', '=', ctx.workspaceId);
  if (data.mine) {
    if (ctx.actor.type !== 'user') return { alerts: [] };
    query = query.where(sql<boolean>`${ctx.actor.id} = any(a.recipient_ids)`);
  }
  if (data.pending) query = query.where('a.acknowledged_at', 'is', null).where('i.status', 'in', ['investigating', 'identified', 'monitoring']);
  const rows = await query.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(data.limit).execute();
  return { alerts: rows.map((row) => presentAlert(row, ctx)) };
}

/** Someone takes an alert in hand: the tray stops showing it to the others. The deadline itself runs on. */
export async function acknowledgeAlert({ ctx, id }: { ctx: Ctx; id: string }) {
  authorize(ctx, 'incident.update');
  return withTransaction(ctx, async (tx) => {
    const now = ctx.now();
    const row = await tx
      .updateTable('clock_alerts as a')
      .set({ acknowledged_at: sql`coalesce(a.acknowledged_at, ${now})`, acknowledged_by_name: sql`coalesce(a.acknowledged_by_name, ${ctx.actor.name})` })
      .where('a.workspace_id', '=', ctx.workspaceId)
      .where('a.id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new NotFoundError('alert', id);
    const incident = await tx.selectFrom('incidents').select(['name', 'status']).where('workspace_id', '=', ctx.workspaceId).where('id', '=', row.incident_id).executeTakeFirstOrThrow();
    const alert = presentAlert({ ...row, incident_name: incident.name, incident_status: incident.status }, ctx);
    await recordAudit(tx, ctx, { action: 'clock_alert.acknowledge', entityType: 'incident', entityId: row.incident_id, after: alert });
    return alert;
  });
}
