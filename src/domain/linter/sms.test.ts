import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { smsLayout, smsSegments } from './sms.ts';

describe('SMS segments (GSM 03.38)', () => {
  it('GSM-7: 160 characters fit one segment, 161 take two of 153', () => {
    assert.deepEqual(smsSegments('a'.repeat(160)), { encoding: 'gsm7', segments: 1, characters: 160 });
    assert.deepEqual(smsSegments('a'.repeat(161)), { encoding: 'gsm7', segments: 2, characters: 161 });
    assert.deepEqual(smsSegments('a'.repeat(306)), { encoding: 'gsm7', segments: 2, characters: 306 });
    assert.deepEqual(smsSegments('a'.repeat(307)), { encoding: 'gsm7', segments: 3, characters: 307 });
  });

  it('extension characters count two, and an escape pair is never split across parts', () => {
    assert.deepEqual(smsSegments('€'.repeat(80)), { encoding: 'gsm7', segments: 1, characters: 160 });
    assert.deepEqual(smsSegments('€'.repeat(81)), { encoding: 'gsm7', segments: 2, characters: 162 });
    const layout = smsLayout(`${'a'.repeat(152)}€${'b'.repeat(10)}`);
    assert.equal(layout.segmentStarts[1], 152);
  });

  it('French accents of the GSM table stay GSM-7; a typographic apostrophe or « forces UCS-2', () => {
    assert.equal(smsSegments('Déjà réglé à 15h, où ?').encoding, 'gsm7');
    assert.equal(smsSegments('L’accès').encoding, 'ucs2');
    assert.equal(smsSegments('« oui »').encoding, 'ucs2');
  });

  it('UCS-2: 70 units fit one segment, then 67 per part, an emoji counting two and never split', () => {
    assert.deepEqual(smsSegments('ê'.repeat(70)), { encoding: 'ucs2', segments: 1, characters: 70 });
    assert.deepEqual(smsSegments('ê'.repeat(71)), { encoding: 'ucs2', segments: 2, characters: 71 });
    const layout = smsLayout(`${'ê'.repeat(66)}🎉x${'ê'.repeat(10)}`);
    assert.equal(layout.segmentStarts[1], 66);
  });

  it('an empty text fills no segment', () => {
    assert.deepEqual(smsSegments(''), { encoding: 'gsm7', segments: 0, characters: 0 });
  });
});
