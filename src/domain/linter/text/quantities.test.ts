import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalize } from './normalize.ts';
import { compareCount, formatTime, minutesOfDay, statedCounts, statedStartTimes } from './quantities.ts';

const counts = (text: string, language: 'fr' | 'en') => statedCounts(normalize(text).norm, language).map(({ kind, value, bound }) => ({ kind, value, bound }));
const times = (text: string, language: 'fr' | 'en') => statedStartTimes(normalize(text).norm, language).map(({ minutes, precision, style }) => ({ minutes, precision, style }));

describe('figures and times read from a message', () => {
  it('reads French counts with spaces, scales and qualifiers', () => {
    assert.deepEqual(counts('plus de 120\u202f000 de nos clients, 26 millions d’abonnés et 3 000 fiches', 'fr'), [
      { kind: 'people', value: 120000, bound: 'atLeast' },
      { kind: 'people', value: 26000000, bound: 'exact' },
      { kind: 'records', value: 3000, bound: 'exact' },
    ]);
  });

  it('reads English counts with commas and decimals, not times or percentages', () => {
    assert.deepEqual(counts('about 1.2 million customer accounts, 12,000 records, at 3:10 pm, 30 % of payments', 'en'), [
      { kind: 'people', value: 1200000, bound: 'approx' },
      { kind: 'records', value: 12000, bound: 'exact' },
    ]);
  });

  it('a rounded figure matches, a smaller one is lower, "more than" must stay below', () => {
    assert.equal(compareCount({ value: 120000, bound: 'exact' }, 121340), 'ok');
    assert.equal(compareCount({ value: 12000, bound: 'exact' }, 120000), 'lower');
    assert.equal(compareCount({ value: 150000, bound: 'atLeast' }, 120000), 'higher');
    assert.equal(compareCount({ value: 100000, bound: 'atLeast' }, 120000), 'ok');
  });

  it('reads start times in both languages and writes them back in the same style', () => {
    assert.deepEqual(times('Depuis 15 h 10, et entre 15h et 00h30', 'fr'), [
      { minutes: 910, precision: 'minute', style: 'fr-h' },
      { minutes: 900, precision: 'hour', style: 'fr-h-tight' },
    ]);
    assert.deepEqual(times('since 3:10 pm, began around 12 am', 'en'), [
      { minutes: 910, precision: 'minute', style: 'en-ampm' },
      { minutes: 0, precision: 'approx', style: 'en-ampm' },
    ]);
    assert.equal(formatTime(910, 'fr-h'), '15 h 10');
    assert.equal(formatTime(910, 'en-ampm'), '3:10 pm');
  });

  it('reads the sheet\'s instant in its time zone', () => {
    assert.equal(minutesOfDay('2012-07-06T13:10:00Z', 'Europe/Paris'), 15 * 60 + 10);
    assert.equal(minutesOfDay('not a date', 'UTC'), null);
  });
});
