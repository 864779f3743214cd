import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { asSentence, formatClock, formatCount, formatList, formatMoment } from './format.ts';

const paris = 'Europe/Paris';

describe('formatting for messages', () => {
  it('writes times as each language writes them, in the workspace\'s zone', () => {
    assert.equal(formatClock(new Date('2026-03-10T15:30:00Z'), 'fr', paris), '16 h 30');
    assert.equal(formatClock(new Date('2026-03-10T15:00:00Z'), 'fr', paris), '16 h');
    assert.equal(formatClock(new Date('2026-03-10T15:30:00Z'), 'en', paris), '4:30 pm');
    assert.equal(formatClock(new Date('2026-03-10T11:00:00Z'), 'en', paris), '12 pm');
    assert.equal(formatClock(new Date('2026-03-09T23:05:00Z'), 'en', paris), '12:05 am');
  });

  it('adds the date when the moment is not today in the workspace\'s zone', () => {
    const now = new Date('2026-03-10T22:30:00Z'); // 23 h 30 in Paris
    assert.equal(formatMoment(new Date('2026-03-10T22:50:00Z'), 'fr', paris, now), '23 h 50');
    assert.equal(formatMoment(new Date('2026-03-10T23:30:00Z'), 'fr', paris, now), '0 h 30 le 11 mars');
    assert.equal(formatMoment(new Date('2026-03-11T08:00:00Z'), 'en', paris, now), '9 am on 11 March');
    assert.equal(formatMoment(new Date('2026-04-01T08:00:00Z'), 'fr', paris, now), '10 h le 1er avril');
  });

  it('keeps to plain spaces, so an SMS stays in GSM-7', () => {
    assert.equal(formatCount(40000, 'fr'), '40 000');
    assert.equal(formatCount(40000, 'en'), '40,000');
    assert.equal(formatList(['Paiement', 'Espace client', 'API'], 'fr'), 'Paiement, Espace client et API');
    assert.equal(formatList(['Payments', 'Console', 'API'], 'en'), 'Payments, Console and API');
  });

  it('turns a fact into a sentence of its own', () => {
    assert.equal(asSentence('  les paiements  échouent '), 'Les paiements échouent.');
    assert.equal(asSentence('Is it down?'), 'Is it down?');
  });
});
