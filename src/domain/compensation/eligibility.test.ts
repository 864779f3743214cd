import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isEligible, normalizeSegment, type Customer, type Eligibility } from './eligibility.ts';

const customer: Customer = { channel: 'email', state: 'active', allComponents: false, componentIds: ['mail'], segments: ['pro'], createdAt: new Date('2026-03-01T00:00:00Z') };
const rule: Eligibility = { componentIds: ['mail', 'web'], segments: ['pro', 'enterprise'], subscribedBefore: new Date('2026-03-10T18:00:00Z') };

describe('who a gesture reaches', () => {
  it('a confirmed person following an affected component, in a segment, subscribed before the end', () => {
    assert.equal(isEligible(customer, rule), true);
    assert.equal(isEligible({ ...customer, channel: 'sms' }, rule), true);
    assert.equal(isEligible({ ...customer, componentIds: [], allComponents: true }, rule), true, 'following everything includes the affected components');
  });
  it('not a webhook, a pending or unsubscribed subscriber, another component, another segment, nor a later subscriber', () => {
    assert.equal(isEligible({ ...customer, channel: 'webhook' }, rule), false);
    assert.equal(isEligible({ ...customer, state: 'pending' }, rule), false);
    assert.equal(isEligible({ ...customer, state: 'unsubscribed' }, rule), false);
    assert.equal(isEligible({ ...customer, componentIds: ['dns'] }, rule), false);
    assert.equal(isEligible({ ...customer, segments: ['public'] }, rule), false);
    assert.equal(isEligible({ ...customer, segments: [] }, rule), false);
    assert.equal(isEligible({ ...customer, createdAt: new Date('2026-03-10T18:00:01Z') }, rule), false);
  });
  it('no component or segment named: anyone', () => {
    assert.equal(isEligible({ ...customer, componentIds: ['dns'], segments: [] }, { ...rule, componentIds: [], segments: [] }), true);
  });
  it('segments are stored lower-case with dashes', () => {
    assert.deepEqual(normalizeSegment(' Public Sector '), { ok: true, segment: 'public-sector' });
    assert.equal(normalizeSegment('é!').ok, false);
  });
});
