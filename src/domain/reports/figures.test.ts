import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { monthlyFigures, monthOf, monthsBetween } from './figures.ts';

describe('workspace figures per month', () => {
  it('reads the month in the workspace time zone: 23:30 UTC on 31 March is April in Paris', () => {
    assert.equal(monthOf(new Date('2026-03-31T23:30:00Z'), 'Europe/Paris'), '2026-04');
    assert.equal(monthOf(new Date('2026-03-31T23:30:00Z'), 'UTC'), '2026-03');
  });

  it('lists every month across a year end', () => {
    assert.deepEqual(monthsBetween('2025-11', '2026-02'), ['2025-11', '2025-12', '2026-01', '2026-02']);
    assert.deepEqual(monthsBetween('2026-03', '2026-02'), []);
  });

  it('aggregates each month\'s incidents and leaves an empty month empty', () => {
    const incident = (id: string, detected: string, firstMinutes: number | null, onTime: number, late: number, sent: number, failed: number) => ({
      id, detectedAt: new Date(detected), firstPublicAt: firstMinutes === null ? null : new Date(Date.parse(detected) + firstMinutes * 60_000),
      promisesOnTime: onTime, promisesLate: late, deliveries: { sent, failed, dead: 0 },
    });
    const months = monthlyFigures([
      incident('a', '2026-01-05T10:00:00Z', 30, 2, 0, 90, 10),
      incident('b', '2026-01-20T10:00:00Z', 120, 1, 1, 10, 0),
      incident('c', '2026-01-25T10:00:00Z', null, 0, 0, 0, 0),
      incident('d', '2026-03-02T10:00:00Z', 45, 0, 0, 0, 0),
    ], ['2026-01', '2026-02', '2026-03'], 'Europe/Paris');
    assert.deepEqual(months[0], {
      month: '2026-01', incidents: 3, first_message: { count: 2, median_minutes: 75, p90_minutes: 120 },
      punctuality: { on_time: 3, late: 1, percent: 75 }, delivery: { sent: 100, failed: 10, dead: 0, success_percent: 90.9 },
    });
    assert.deepEqual([months[1]!.incidents, months[1]!.first_message.median_minutes, months[1]!.punctuality.percent], [0, null, null]);
    assert.equal(months[2]!.first_message.p90_minutes, 45);
  });
});
