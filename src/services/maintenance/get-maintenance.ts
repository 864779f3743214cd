import { authorize, withTransaction, type Ctx } from '../context.ts';
import { loadMaintenance } from './internal.ts';

/** One maintenance with its components and its timeline, newest update first. */
export async function getMaintenance({ ctx, id }: { ctx: Ctx; id: string }) {
  authorize(ctx, 'maintenance.read');
  return withTransaction(ctx, (tx) => loadMaintenance(tx, ctx, id));
}
