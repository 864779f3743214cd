import { ConflictError } from '../../domain/errors.ts';
import { scoreDrill } from '../../domain/drills/score.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { advanceDrill } from './advance-drill.ts';
import { loadDrillView } from './get-drill.ts';
import { fetchDrill, sandboxCtx } from './internal.ts';
import { measureDrill } from './measure-drill.ts';

/** Stops the drill's clock, delivers what was due by then, and scores what the cell did. */
export async function finishDrill({ ctx, id }: { ctx: Ctx; id: string }) {
  authorize(ctx, 'drill.run');
  return withTransaction(ctx, async (tx) => {
    const drill = await fetchDrill(tx, ctx, id, true);
    if (drill.state !== 'running') throw new ConflictError(`drill-${drill.state}`, drill.state === 'prepared' ? 'This drill has not started: start it, or leave it unplayed.' : 'This drill is already finished.');
    await advanceDrill({ db: ctx.db, queue: ctx.queue, now: ctx.now }, drill, tx);
    const now = ctx.now();
    const finished = await tx
      .updateTable('drills')
      .set({ state: 'finished', finished_at: now, updated_at: now, version: drill.version + 1 })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const { outcome } = await measureDrill(tx, sandboxCtx(ctx, finished, ctx.now, tx), finished);
    const score = scoreDrill(outcome);
    const row = await tx
      .updateTable('drills')
      .set({ score: JSON.stringify({ ...score, outcome }) })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'drill.finish', entityType: 'drill', entityId: id, after: { total: score.total, outcome } });
    return loadDrillView(tx, row, now);
  });
}
