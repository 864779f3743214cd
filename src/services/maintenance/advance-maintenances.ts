import type { DatabaseHandle } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import type { Queue } from '../../adapters/queue/queue.ts';
import { dueSteps, type MaintenanceStatus } from '../../domain/maintenance/lifecycle.ts';
import { automaticUpdateBody } from '../../domain/maintenance/notices.ts';
import { recordAudit, type Actor, type Ctx } from '../context.ts';
import { latestDisplayAt, recordMaintenanceUpdate } from './internal.ts';

const schedulerActor: Actor = { type: 'system', name: 'Tocsin scheduler' };
const pageSize = 200;

export interface AdvanceResult {
  /** Maintenances moved on, each with the statuses it went through, in order. */
  advanced: Array<{ workspaceId: string; maintenanceId: string; from: MaintenanceStatus; steps: MaintenanceStatus[] }>;
  /** Due maintenances another scheduler, an editor or a person moved first; the next sweep looks again. */
  skipped: Array<{ workspaceId: string; maintenanceId: string }>;
  /** Maintenances whose transaction failed; the others still advanced. */
  failed: Array<{ workspaceId: string; maintenanceId: string; error: unknown }>;
}

/**
 * Moves every maintenance of every workspace to the status its schedule says it is due at `now`,
 * each in its own transaction. Idempotent, and it catches up: a maintenance whose whole window was
 * missed records its start, then its completion. The move is a conditional update on the status
 * and version read, so schedulers running at once move each maintenance once.
 */
export async function advanceMaintenances({ db, queue, now }: { db: DatabaseHandle; queue: Queue; now: Date }): Promise<AdvanceResult> {
  const result: AdvanceResult = { advanced: [], skipped: [], failed: [] };
  let after: { scheduledFor: Date; workspaceId: string; id: string } | undefined;
  for (;;) {
    // Anything due has started by now: the partial index maintenances_due serves this scan.
    let query = db.db
      .selectFrom('maintenances')
      .innerJoin('workspaces', 'workspaces.id', 'maintenances.workspace_id')
      .selectAll('maintenances')
      .select('workspaces.default_language')
      .where('maintenances.status', '<>', 'completed')
      .where('maintenances.scheduled_for', '<=', now);
    if (after) {
      const { scheduledFor, workspaceId, id } = after;
      query = query.where((eb) =>
        eb.or([
          eb('maintenances.scheduled_for', '>', scheduledFor),
          eb.and([eb('maintenances.scheduled_for', '=', scheduledFor), eb('maintenances.workspace_id', '>', workspaceId)]),
          eb.and([eb('maintenances.scheduled_for', '=', scheduledFor), eb('maintenances.workspace_id', '=', workspaceId), eb('maintenances.id', '>', id)]),
        ]),
      );
    }
    const candidates = await query.orderBy('maintenances.scheduled_for').orderBy('maintenances.workspace_id').orderBy('maintenances.id').limit(pageSize).execute();
    for (const { default_language: language, ...row } of candidates) {
      const key = { workspaceId: row.workspace_id, maintenanceId: row.id };
      try {
        const steps = await advanceOne(db, queue, row, language, now);
        if (steps === null) result.skipped.push(key);
        else if (steps.length > 0) result.advanced.push({ ...key, from: row.status, steps });
      } catch (error) {
        result.failed.push({ ...key, error });
      }
    }
    const last = candidates.at(-1);
    if (candidates.length < pageSize || !last) return result;
    after = { scheduledFor: last.scheduled_for, workspaceId: last.workspace_id, id: last.id };
  }
}

/** The statuses one maintenance went through, [] when nothing was due, null when someone else moved it first. */
async function advanceOne(db: DatabaseHandle, queue: Queue, row: Row<'maintenances'>, language: 'fr' | 'en', now: Date): Promise<MaintenanceStatus[] | null> {
  const steps = dueSteps(
    { status: row.status, scheduledFor: row.scheduled_for, scheduledUntil: row.scheduled_until, autoStart: row.auto_start, autoComplete: row.auto_complete },
    now,
  );
  if (steps.length === 0) return [];
  return db.transaction(async (tx) => {
    const ctx: Ctx = { workspaceId: row.workspace_id, actor: schedulerActor, db, queue, now: () => now, tx };
    let current = row;
    let floor = await latestDisplayAt(tx, ctx, row.id);
    for (const step of steps) {
      // Dated when the schedule said, but never before the update it follows.
      const displayAt = floor && floor > step.dueAt ? floor : step.dueAt;
      const moved = await recordMaintenanceUpdate(tx, ctx, current, { status: step.status, body: automaticUpdateBody(step.status, language), displayAt });
      if (!moved) return null;
      current = moved;
      floor = displayAt;
    }
    await recordAudit(tx, ctx, {
      action: 'maintenance.advance',
      entityType: 'maintenance',
      entityId: row.id,
      before: { status: row.status },
      after: { status: current.status, started_at: current.started_at, completed_at: current.completed_at },
    });
    return steps.map((step) => step.status);
  });
}
