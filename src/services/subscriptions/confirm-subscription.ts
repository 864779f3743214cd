import { findByToken } from './internal.ts';
import type { SelfServiceDeps } from './public-context.ts';
import { subscriptionView, type SubscriptionView } from './subscription-view.ts';

export type ConfirmOutcome = 'confirmed' | 'already-active' | 'unsubscribed';

/**
 * Confirms a pending subscription from its e-mail link (a POST: a link scanner fetching the page
 * confirms nothing). An unsubscribed reader is not subscribed again by an old link: their page offers it.
 */
export async function confirmSubscription({ deps, token }: { deps: SelfServiceDeps; token: string }): Promise<{ outcome: ConfirmOutcome; view: SubscriptionView } | undefined> {
  return deps.db.transaction(async (tx) => {
    const holder = await findByToken(tx, token);
    if (!holder) return undefined;
    const { subscriber } = holder;
    switch (subscriber.state) {
      case 'active':
        return { outcome: 'already-active' as const, view: await subscriptionView(tx, holder) };
      case 'unsubscribed':
        return { outcome: 'unsubscribed' as const, view: await subscriptionView(tx, holder) };
      case 'pending': {
        const now = deps.now();
        const row = await tx
          .updateTable('subscribers')
          .set({ state: 'active', confirmed_at: now, confirm_code_hash: null, confirm_expires_at: null, confirm_attempts: 0, updated_at: now, version: subscriber.version + 1 })
          .where('workspace_id', '=', subscriber.workspace_id)
          .where('id', '=', subscriber.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        return { outcome: 'confirmed' as const, view: await subscriptionView(tx, { ...holder, subscriber: row }) };
      }
    }
  });
}
