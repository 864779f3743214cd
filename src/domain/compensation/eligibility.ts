/**
 * Who a gesture reaches: the confirmed subscribers a person reads (e-mail, SMS; not a webhook) of the
 * components it names (any, when it names none), in its segments (any, when none), who subscribed
 * before the end of the period it makes up for. The eligible-customers query applies the same rule.
 */
export interface Eligibility {
  componentIds: readonly string[];
  segments: readonly string[];
  subscribedBefore: Date;
}

export interface Customer {
  channel: 'email' | 'sms' | 'webhook';
  state: 'pending' | 'active' | 'unsubscribed';
  allComponents: boolean;
  componentIds: readonly string[];
  segments: readonly string[];
  createdAt: Date;
}

export function isEligible(customer: Customer, rule: Eligibility): boolean {
  if (customer.state !== 'active' || customer.channel === 'webhook') return false;
  if (customer.createdAt > rule.subscribedBefore) return false;
  const components = rule.componentIds.length === 0 || customer.allComponents || customer.componentIds.some((id) => rule.componentIds.includes(id));
  const segments = rule.segments.length === 0 || customer.segments.some((segment) => rule.segments.includes(segment));
  return components && segments;
}

const segmentShape = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/** A segment as stored: lower-case, a letter or digit first, up to 40 of a-z 0-9 _ -. */
export function normalizeSegment(value: string): { ok: true; segment: string } | { ok: false; reason: string } {
  const segment = value.trim().toLowerCase().replace(/\s+/g, '-');
  return segmentShape.test(segment) ? { ok: true, segment } : { ok: false, reason: `"${value}" is not a segment: up to 40 letters, digits, - or _` };
}
