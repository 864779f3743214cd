import { findByToken } from './internal.ts';
import type { SelfServiceDeps } from './public-context.ts';
import { subscriptionView, type SubscriptionView } from './subscription-view.ts';

/**
 * Unsubscribes the token's holder; idempotent, so a mail client's one-click POST (RFC 8058) and the
 * button on the page may both arrive. What is already queued for them is dropped by the workers.
 */
export async function unsubscribe({ deps, token }: { deps: SelfServiceDeps; token: string }): Promise<SubscriptionView | undefined> {
  return deps.db.transaction(async (tx) => {
    const holder = await findByToken(tx, token);
    if (!holder) return undefined;
    const { subscriber } = holder;
    if (subscriber.state === 'unsubscribed') return subscriptionView(tx, holder);
    const now = deps.now();
    const row = await tx
      .updateTable('subscribers')
      .set({ state: 'unsubscribed', unsubscribed_at: now, confirm_code_hash: null, confirm_expires_at: null, updated_at: now, version: subscriber.version + 1 })
      .where('workspace_id', '=', subscriber.workspace_id)
      .where('id', '=', subscriber.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return subscriptionView(tx, { ...holder, subscriber: row });
  });
}
