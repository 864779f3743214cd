import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createPacer, encodeSms } from '../../src/adapters/sms/sms.ts';

describe('SMS encoding for SMPP', () => {
  it('GSM-7 text is one octet per character, extension characters two (escape first)', () => {
    assert.deepEqual(encodeSms('@à €'), { dataCoding: 0, parts: [Buffer.from([0x00, 0x7f, 0x20, 0x1b, 0x65])] });
  });

  it('any other character makes the whole text UCS-2 big-endian, an emoji as its surrogate pair', () => {
    assert.deepEqual(encodeSms('ç🙏'), { dataCoding: 8, parts: [Buffer.from([0x00, 0xe7, 0xd8, 0x3d, 0xde, 0x4f])] });
  });

  it('a long text is cut where the linter counts its segments: 153 septets or 67 UCS-2 units per part', () => {
    const gsm = encodeSms('a'.repeat(400));
    assert.deepEqual(gsm.parts.map((part) => part.length), [153, 153, 94]);
    const ucs2 = encodeSms('ç'.repeat(140));
    assert.deepEqual(ucs2.parts.map((part) => part.length), [134, 134, 12]);
  });

  it('a part never ends between an escape and its character', () => {
    const { parts } = encodeSms(`${'a'.repeat(152)}€${'a'.repeat(10)}`);
    assert.deepEqual(parts.map((part) => part.length), [152, 12]);
    assert.deepEqual([...parts[1]!.subarray(0, 2)], [0x1b, 0x65]);
  });
});

describe('pacing sends to a provider\'s rate', () => {
  it('at 4 per second, a burst of five waits 0, 250, 500, 750 and 1000 ms from its start', async () => {
    let nowMs = 1_000;
    const waits: number[] = [];
    const pace = createPacer(4, { now: () => nowMs, wait: async (ms) => void waits.push(ms) });
    for (let n = 0; n < 5; n++) await pace();
    assert.deepEqual(waits, [250, 500, 750, 1000]);
    nowMs += 5_000;
    await pace();
    assert.equal(waits.length, 4, 'after a quiet spell the next send goes at once');
  });

  it('no rate: no wait', async () => {
    const waits: number[] = [];
    const pace = createPacer(undefined, { now: () => 0, wait: async (ms) => void waits.push(ms) });
    for (let n = 0; n < 3; n++) await pace();
    assert.deepEqual(waits, []);
  });
});
