import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalize, toOriginal } from './normalize.ts';

describe('normalize keeps the way back to the original offsets', () => {
  it('maps apostrophes, nbsp and dashes and lowercases, offset for offset', () => {
    const text = normalize('L’Incident\u00a0—\u202fMajeur');
    assert.equal(text.norm, "l'incident - majeur");
    assert.equal(text.cased, "L'Incident - Majeur");
  });

  it('a decomposed accent becomes one unit and still maps to both original units', () => {
    const original = 'Pane\u0301 de re\u0301seau';
    const text = normalize(original);
    assert.equal(text.norm, 'pané de réseau');
    const start = text.norm.indexOf('réseau');
    const [s, e] = toOriginal(text, start, start + 'réseau'.length);
    assert.equal(original.slice(s, e), 're\u0301seau');
  });

  it('emoji and astral characters keep their two code units in the original range', () => {
    const original = '🎉 Concours';
    const text = normalize(original);
    const start = text.norm.indexOf('concours');
    assert.deepEqual(toOriginal(text, start, start + 8), [3, 11]);
  });

  it('an empty text maps to an empty range', () => {
    assert.deepEqual(toOriginal(normalize(''), 0, 0), [0, 0]);
  });
});
