import { ConflictError } from '../../domain/errors.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { advanceDrill } from './advance-drill.ts';
import { loadDrillView } from './get-drill.ts';
import { fetchDrill } from './internal.ts';

/** Starts the drill's clock at the drill's speed and declares the scenario's incident in the sandbox. */
export async function startDrill({ ctx, id }: { ctx: Ctx; id: string }) {
  authorize(ctx, 'drill.run');
  return withTransaction(ctx, async (tx) => {
    const drill = await fetchDrill(tx, ctx, id, true);
    if (drill.state !== 'prepared') throw new ConflictError('drill-already-started', `This drill is ${drill.state}: a drill starts once.`);
    const now = ctx.now();
    const row = await tx
      .updateTable('drills')
      .set({ state: 'running', started_at: now, drill_started_at: now, updated_at: now, version: drill.version + 1 })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await advanceDrill({ db: ctx.db, queue: ctx.queue, now: ctx.now }, row, tx);
    await recordAudit(tx, ctx, { action: 'drill.start', entityType: 'drill', entityId: id, after: { speed: row.speed, started_at: now } });
    return loadDrillView(tx, row, now);
  });
}
