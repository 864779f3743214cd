import { authorize, withTransaction, type Ctx } from '../context.ts';
import { loadIncident } from './internal.ts';

/** One incident with its affected components and its updates, newest first. */
export async function getIncident({ ctx, id }: { ctx: Ctx; id: string }) {
  authorize(ctx, 'incident.read');
  return withTransaction(ctx, (tx) => loadIncident(tx, ctx, id));
}
