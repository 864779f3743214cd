import { authorize, withTransaction, type Ctx } from '../context.ts';
import { fetchMessage } from './internal.ts';
import { loadMessage } from './message-view.ts';

/** One message with its variants (each with its lint findings), its reviews and where it stands. */
export async function getMessage({ ctx, id }: { ctx: Ctx; id: string }) {
  authorize(ctx, 'facts.read');
  return withTransaction(ctx, async (tx) => loadMessage(tx, ctx, await fetchMessage(tx, ctx, id)));
}
