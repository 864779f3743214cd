import { authorize, withTransaction, type Ctx } from '../context.ts';
import { componentIdsOf, fetchSubscriber, presentSubscriber } from './internal.ts';
import { suppressionsOf } from './suppressed.ts';

export async function getSubscriber({ ctx, id }: { ctx: Ctx; id: string }) {
  authorize(ctx, 'subscribers.read');
  return withTransaction(ctx, async (tx) => {
    const row = await fetchSubscriber(tx, ctx, id);
    const [components, suppressed] = await Promise.all([componentIdsOf(tx, ctx.workspaceId, [id]), suppressionsOf(tx, ctx.workspaceId, [row])]);
    return { ...presentSubscriber(row, components.get(id) ?? []), suppressed: suppressed.get(`${row.channel}:${row.address}`) ?? null };
  });
}
