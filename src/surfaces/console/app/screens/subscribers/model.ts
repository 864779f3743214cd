export const subscriberChannels = ['email', 'sms', 'webhook'] as const;
export const subscriberStates = ['active', 'pending', 'unsubscribed'] as const;
export type SubscriberChannel = (typeof subscriberChannels)[number];
export type SubscriberState = (typeof subscriberStates)[number];

export interface StatusPage {
  id: string;
  slug: string;
  name: string;
  language: string;
}

export interface Counts {
  total: number;
  by_channel: Record<SubscriberChannel, Record<SubscriberState, number>>;
}

export interface Subscriber {
  id: string;
  channel: SubscriberChannel;
  address: string;
  language: 'fr' | 'en';
  all_components: boolean;
  component_ids: string[];
  state: SubscriberState;
  source: 'self' | 'admin' | 'import';
  disabled_reason: string | null;
  suppressed: 'bounce' | 'complaint' | 'manual' | null;
  created_at: string;
  version: number;
}
