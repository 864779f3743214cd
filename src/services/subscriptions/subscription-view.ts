import type { Tx } from '../../adapters/db/connect.ts';
import type { Language, SubscriberChannel, SubscriberState } from '../../adapters/db/schema.ts';
import { componentIdsOf, type TokenHolder } from './internal.ts';

/** What a subscriber's own pages show: their subscription, the page, and the components they may pick. */
export interface SubscriptionView {
  token: string;
  state: SubscriberState;
  channel: SubscriberChannel;
  address: string;
  language: Language;
  allComponents: boolean;
  componentIds: string[];
  page: TokenHolder['page'];
  /** Every component of the workspace, by position. */
  components: Array<{ id: string; name: string }>;
}

export async function subscriptionView(tx: Tx, holder: TokenHolder): Promise<SubscriptionView> {
  const { subscriber } = holder;
  const [followed, components] = await Promise.all([
    componentIdsOf(tx, subscriber.workspace_id, [subscriber.id]),
    tx.selectFrom('components').select(['id', 'name']).where('workspace_id', '=', subscriber.workspace_id).orderBy('position').orderBy('id').execute(),
  ]);
  return {
    token: subscriber.manage_token,
    state: subscriber.state,
    channel: subscriber.channel,
    address: subscriber.address,
    language: subscriber.language,
    allComponents: subscriber.all_components,
    componentIds: subscriber.all_components ? [] : (followed.get(subscriber.id) ?? []),
    page: holder.page,
    components,
  };
}
