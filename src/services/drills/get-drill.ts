import type { DatabaseHandle, Tx } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import { authorize, type Ctx } from '../context.ts';
import { fetchDrill, openingKey } from './internal.ts';
import { presentDrill } from './present-drill.ts';

type Db = DatabaseHandle['db'] | Tx;

/** A drill with its drill clock, the injects delivered and the messages caught by the sink. */
export async function getDrill({ ctx, id }: { ctx: Ctx; id: string }) {
  authorize(ctx, 'workspace.read');
  const db = ctx.tx ?? ctx.db.db;
  return loadDrillView(db, await fetchDrill(db, ctx, id), ctx.now());
}

export async function loadDrillView(db: Db, row: Row<'drills'>, now: Date) {
  const [injects, sink, sandbox] = await Promise.all([
    db.selectFrom('drill_injects').select(['inject_key', 'drill_at']).where('workspace_id', '=', row.workspace_id).where('drill_id', '=', row.id).where('inject_key', '!=', openingKey).execute(),
    db.selectFrom('drill_sink').select((eb) => eb.fn.countAll<string>().as('count')).where('workspace_id', '=', row.sandbox_workspace_id).executeTakeFirstOrThrow(),
    db.selectFrom('workspaces').select('slug').where('id', '=', row.sandbox_workspace_id).executeTakeFirstOrThrow(),
  ]);
  return presentDrill(row, { now, sandboxSlug: sandbox.slug, injects, sink: Number(sink.count) });
}
