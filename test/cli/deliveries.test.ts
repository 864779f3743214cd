import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { progressLines } from '../../src/surfaces/cli/deliveries.ts';

describe('tocsin deliveries progress', () => {
  it('draws one bar per channel from what is settled, and names what needs someone', () => {
    const zero = { pending: 0, sending: 0, sent: 0, failed: 0, dead: 0, cancelled: 0 };
    const lines = progressLines({
      message_id: 'm', total: 10, settled: 7, percent: 70, first_sent_at: null, last_sent_at: null,
      by_channel: { email: { ...zero, sent: 5, pending: 2, sending: 1, dead: 1 }, webhook: { ...zero, sent: 1 } },
    });
    assert.equal(lines.length, 3);
    assert.equal(lines[0], `email           [${'#'.repeat(20)}${'.'.repeat(10)}] 5/9 sent (1 dead)`);
    assert.equal(lines[1], `webhook         [${'#'.repeat(30)}] 1/1 sent`);
    assert.equal(lines[2], 'all             70% settled, 7/10');
  });
});
