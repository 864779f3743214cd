import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { drillMinutes, drillTime, realTimeOf, type DrillClock } from './clock.ts';

const start = new Date('2026-03-10T14:00:00Z');
const clock = (set: Partial<DrillClock> = {}): DrillClock => ({ speed: 60, startedAt: start, drillStartedAt: start, finishedAt: null, ...set });
const later = (ms: number) => new Date(start.getTime() + ms);

describe('drill clock', () => {
  it('runs at the drill speed from its start: one real minute is an hour at ×60', () => {
    assert.equal(drillTime(clock(), later(60_000)).toISOString(), '2026-03-10T15:00:00.000Z');
    assert.equal(drillMinutes(clock(), later(30_000)), 30);
    assert.equal(drillMinutes(clock({ speed: 10 }), later(30_000)), 5);
  });

  it('is real time before the start and stops at the finish', () => {
    assert.equal(drillTime(clock({ startedAt: null, drillStartedAt: null }), later(5_000)).toISOString(), later(5_000).toISOString());
    const finished = clock({ finishedAt: later(2 * 60_000) });
    assert.equal(drillMinutes(finished, later(10 * 60_000)), 120);
  });

  it('tells the real time an inject comes due, which the drill clock then reaches', () => {
    const due = realTimeOf(clock(), 45)!;
    assert.equal(due.toISOString(), later(45_000).toISOString());
    assert.equal(drillMinutes(clock(), due), 45);
    assert.equal(drillMinutes(clock({ speed: 7 }), realTimeOf(clock({ speed: 7 }), 13)!), 13);
  });
});
