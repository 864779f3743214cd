import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { maxBackoffSeconds, newerStatusId, nextPollAt } from './schedule.ts';

const now = new Date('2026-03-10T14:00:00Z');
const plus = (seconds: number) => new Date(now.getTime() + seconds * 1_000);

describe('the poll schedule', () => {
  it('waits the interval after a success, doubles it with each failure, up to six hours', () => {
    assert.deepEqual(nextPollAt(now, 300, 0, { kind: 'succeeded' }), plus(300));
    assert.deepEqual(nextPollAt(now, 300, 1, { kind: 'failed' }), plus(600));
    assert.deepEqual(nextPollAt(now, 300, 2, { kind: 'failed' }), plus(1_200));
    assert.deepEqual(nextPollAt(now, 300, 30, { kind: 'failed' }), plus(maxBackoffSeconds));
  });

  it('honours a Retry-After longer than the backoff, never a shorter one', () => {
    assert.deepEqual(nextPollAt(now, 60, 1, { kind: 'failed', retryAfter: plus(900) }), plus(900));
    assert.deepEqual(nextPollAt(now, 60, 1, { kind: 'failed', retryAfter: plus(5) }), plus(120));
  });

  it('compares Mastodon ids as numbers', () => {
    assert.equal(newerStatusId('999', '1000'), '1000');
    assert.equal(newerStatusId('1000', '999'), '1000');
    assert.equal(newerStatusId(undefined, '5'), '5');
  });
});
