/** Where a delivery goes: a subscriber's e-mail, phone or webhook, or one of the team's own endpoints. */
export const deliveryChannels = ['email', 'sms', 'webhook', 'chat', 'support_script', 'social'] as const;
export type DeliveryChannel = (typeof deliveryChannels)[number];

/**
 * pending → sending (a worker's lease) → sent | failed (refused for good) | dead (out of retries) |
 * cancelled (the recipient left first). A lease that runs out puts `sending` back to pending.
 */
export const deliveryStates = ['pending', 'sending', 'sent', 'failed', 'dead', 'cancelled'] as const;
export type DeliveryState = (typeof deliveryStates)[number];

/** Whether a delivery in this state will still be tried without anyone's action. */
export function isUnderWay(state: DeliveryState): boolean {
  return state === 'pending' || state === 'sending';
}
