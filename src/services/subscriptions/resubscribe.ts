import { findByToken } from './internal.ts';
import type { SelfServiceDeps } from './public-context.ts';
import { subscriptionView, type SubscriptionView } from './subscription-view.ts';

/**
 * Subscribes the token's holder again from their preferences page. The token came to their address
 * in an earlier message, which proves the address as a confirmation link does.
 */
export async function resubscribe({ deps, token }: { deps: SelfServiceDeps; token: string }): Promise<SubscriptionView | undefined> {
  return deps.db.transaction(async (tx) => {
    const holder = await findByToken(tx, token);
    if (!holder) return undefined;
    const { subscriber } = holder;
    if (subscriber.state === 'active') return subscriptionView(tx, holder);
    const now = deps.now();
    const row = await tx
      .updateTable('subscribers')
      .set({ state: 'active', confirmed_at: subscriber.confirmed_at ?? now, confirm_code_hash: null, confirm_expires_at: null, confirm_attempts: 0, updated_at: now, version: subscriber.version + 1 })
      .where('workspace_id', '=', subscriber.workspace_id)
      .where('id', '=', subscriber.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return subscriptionView(tx, { ...holder, subscriber: row });
  });
}
