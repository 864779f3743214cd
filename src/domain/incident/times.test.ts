import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clockSkewMs, timeIssues, type IncidentTimes } from './times.ts';

const now = new Date('2026-03-10T14:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const times = (partial: Partial<IncidentTimes>): IncidentTimes => ({ occurredAt: null, detectedAt: null, acknowledgedAt: null, ...partial });

describe('timeIssues', () => {
  const cases: Array<{ name: string; times: IncidentTimes; pointers: string[] }> = [
    { name: 'no times at all is fine', times: times({}), pointers: [] },
    { name: 'occurred, detected, acknowledged in order is fine', times: times({ occurredAt: minutes(-30), detectedAt: minutes(-20), acknowledgedAt: minutes(-10) }), pointers: [] },
    { name: 'all at the same instant is fine', times: times({ occurredAt: minutes(-5), detectedAt: minutes(-5), acknowledgedAt: minutes(-5) }), pointers: [] },
    { name: 'detected before it occurred', times: times({ occurredAt: minutes(-10), detectedAt: minutes(-20) }), pointers: ['/detected_at'] },
    { name: 'acknowledged before detected', times: times({ detectedAt: minutes(-10), acknowledgedAt: minutes(-20) }), pointers: ['/acknowledged_at'] },
    { name: 'acknowledged before it occurred, detection unknown', times: times({ occurredAt: minutes(-10), acknowledgedAt: minutes(-20) }), pointers: ['/acknowledged_at'] },
    { name: 'within the clock skew is not the future', times: times({ acknowledgedAt: new Date(now.getTime() + clockSkewMs) }), pointers: [] },
    { name: 'beyond the clock skew is the future', times: times({ occurredAt: minutes(6) }), pointers: ['/occurred_at'] },
    {
      name: 'every issue is reported, not the first',
      times: times({ occurredAt: minutes(60), detectedAt: minutes(-20), acknowledgedAt: minutes(-30) }),
      pointers: ['/occurred_at', '/detected_at', '/acknowledged_at'],
    },
  ];
  for (const { name, times: input, pointers } of cases) {
    it(name, () => {
      assert.deepEqual(timeIssues(input, now).map((issue) => issue.pointer).sort(), [...pointers].sort());
    });
  }
});
