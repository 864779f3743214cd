import { findByToken } from './internal.ts';
import type { SelfServiceDeps } from './public-context.ts';
import { subscriptionView, type SubscriptionView } from './subscription-view.ts';

/** The subscription a link's token holds, or undefined for an unknown token. */
export async function getSubscription({ deps, token }: { deps: SelfServiceDeps; token: string }): Promise<SubscriptionView | undefined> {
  return deps.db.transaction(async (tx) => {
    const holder = await findByToken(tx, token);
    return holder && subscriptionView(tx, holder);
  });
}
