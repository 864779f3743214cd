import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { measureFirstMessage, measurePunctuality, median, percentile, sumDeliveries } from './measures.ts';

const at = (hhmm: string) => new Date(`2026-03-10T${hhmm}:00Z`);
const promise = (id: string, made: string, due: string, state: 'pending' | 'kept' | 'broken' | 'dropped' | 'postponed', kept: string | null = null) =>
  ({ id, kind: 'next_update', text: '', madeAt: at(made), dueAt: at(due), state, keptAt: kept ? at(kept) : null });

describe('report measures', () => {
  it('the first message is met within the deadline, late past it, and unknown while nothing is public before it', () => {
    assert.deepEqual(measureFirstMessage(at('10:00'), at('11:00'), 60, at('12:00')).met, true);
    assert.deepEqual(measureFirstMessage(at('10:00'), at('11:01'), 60, at('12:00')).minutes, 61);
    assert.equal(measureFirstMessage(at('10:00'), at('11:01'), 60, at('12:00')).met, false);
    assert.equal(measureFirstMessage(at('10:00'), null, 60, at('10:30')).met, null);
    assert.equal(measureFirstMessage(at('10:00'), null, 60, at('11:30')).met, false);
  });

  it('punctuality counts kept against broken, leaves moved, dropped and not-yet-due promises out, in any input order', () => {
    const promises = [promise('c', '12:00', '13:00', 'pending'), promise('a', '10:00', '11:00', 'kept', '10:50'), promise('d', '11:00', '11:30', 'postponed'), promise('b', '10:50', '11:45', 'broken'), promise('e', '10:00', '10:30', 'dropped')];
    const updates = [at('12:00'), at('10:50'), at('10:00')];
    const result = measurePunctuality(promises, updates);
    assert.deepEqual(result.updates.map((u) => [u.id, u.actual_at?.slice(11, 16) ?? null, u.delay_minutes, u.on_time]), [
      ['a', '10:50', -10, true], ['d', '12:00', 30, null], ['b', '12:00', 15, false], ['c', null, null, null],
    ]);
    assert.deepEqual([result.on_time, result.late, result.percent], [1, 1, 50]);
    assert.deepEqual(measurePunctuality([...promises].reverse(), [...updates].reverse()), result);
    assert.equal(measurePunctuality([], []).percent, null);
  });

  it('median and p90 by nearest rank', () => {
    assert.equal(median([]), null);
    assert.equal(median([30, 10, 20]), 20);
    assert.equal(median([40, 10, 20, 30]), 25);
    assert.equal(percentile([15, 20, 35, 40, 50], 90), 50);
    assert.equal(percentile(Array.from({ length: 10 }, (_, i) => (i + 1) * 10), 90), 90);
    assert.equal(percentile([], 90), null);
  });

  it('delivery success leaves the cancelled and those still under way out', () => {
    const total = sumDeliveries([
      { channel: 'email', recipients: 8, sent: 8, failed: 1, dead: 1, cancelled: 5, under_way: 3, first_sent_at: null, last_sent_at: null },
      { channel: 'sms', recipients: 2, sent: 2, failed: 0, dead: 0, cancelled: 0, under_way: 0, first_sent_at: null, last_sent_at: null },
    ]);
    assert.deepEqual([total.sent, total.recipients, total.success_percent], [10, 10, 83.3]);
  });
});
