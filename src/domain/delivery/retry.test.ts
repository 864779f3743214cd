import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { maxAttempts, retryDelayMs } from './retry.ts';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

/** A small deterministic generator (mulberry32), so a failing seed can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const total = (channel: 'webhook' | 'email' | 'social', random: () => number) =>
  Array.from({ length: maxAttempts(channel) - 1 }, (_, n) => retryDelayMs(channel, n + 1, random())!).reduce((sum, ms) => sum + ms, 0);

describe('when a failed delivery is tried again', () => {
  it('webhooks follow the Standard Webhooks schedule: 10 attempts, at most 75 h 35 min 5 s', () => {
    assert.equal(maxAttempts('webhook'), 10);
    assert.equal(retryDelayMs('webhook', 1, 1 - Number.EPSILON), 5 * second - 1);
    assert.ok(Math.abs(total('webhook', () => 1 - Number.EPSILON) - (75 * hour + 35 * minute + 5 * second)) < 10);
    assert.equal(retryDelayMs('webhook', 10, 0.5), null, 'then it is a dead letter');
  });

  it('e-mail gives up within about two hours: crisis news goes stale', () => {
    assert.equal(maxAttempts('email'), 10);
    assert.ok(total('email', () => 1 - Number.EPSILON) < 2.2 * hour);
    assert.equal(retryDelayMs('email', 10, 0.5), null);
  });

  it('a Mastodon post gives up within the hour Mastodon remembers its Idempotency-Key, so no retry posts twice', () => {
    assert.equal(maxAttempts('social'), 7);
    assert.ok(total('social', () => 1 - Number.EPSILON) < hour);
    assert.equal(retryDelayMs('social', 7, 0.5), null);
  });

  it('over many seeds every wait stays within its step, never shrinks, and the draws spread', () => {
    const draws = new Set<number>();
    for (let seed = 1; seed <= 2_000; seed++) {
      const random = seeded(seed);
      let previous = 0;
      for (let attempts = 1; attempts < maxAttempts('webhook'); attempts++) {
        const delay = retryDelayMs('webhook', attempts, random())!;
        assert.ok(delay >= previous, `seed ${seed}, after ${attempts}: ${delay} ms after ${previous} ms`);
        previous = delay;
        if (attempts === 4) draws.add(delay);
      }
    }
    assert.ok(draws.size > 1_900, 'retries that failed together spread out');
  });

  it('a receiver asking for longer (Retry-After) is obeyed; nonsense is a caller mistake', () => {
    assert.equal(retryDelayMs('email', 1, 0, 120 * second), 120 * second);
    for (const attempts of [0, -1, 1.5, Number.NaN]) assert.throws(() => retryDelayMs('email', attempts, 0.5), RangeError);
  });
});
