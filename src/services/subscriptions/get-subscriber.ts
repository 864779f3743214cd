import { authorize, withTransaction, type Ctx } from '../context.ts';
import { componentIdsOf, fetchSubscriber, presentSubscriber } from './internal.ts';
import { suppressionsOf } from './suppressed.ts';
import { segmentsOf } from './subscriber-segments.ts';

export async function getSubscriber({ ctx, id }: { ctx: Ctx; id: string }) {
  authorize(ctx, 'subscribers.read');
  return withTransaction(ctx, async (tx) => {
    const row = await fetchSubscriber(tx, ctx, id);
    const [components, suppressed, segments] = await Promise.all([componentIdsOf(tx, ctx.workspaceId, [id]), suppressionsOf(tx, ctx.workspaceId, [row]), segmentsOf(tx, ctx.workspaceId, id)]);
    return { ...presentSubscriber(row, components.get(id) ?? []), segments, suppressed: suppressed.get(`${row.channel}:${row.address}`) ?? null };
  });
}
