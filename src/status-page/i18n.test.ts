import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { textFor } from './i18n.ts';

const paris = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Paris' });
const tag = (at: DateTime, text: string) => `[${at.toISO()}|${text}]`;

describe('the fixed texts of the public page', () => {
  it('write dates as people read them in each language', () => {
    const at = paris('2026-03-29T14:05:00');
    assert.equal(textFor('en').dateTime(at), 'Mar 29, 2026 at 2:05 PM');
    assert.equal(textFor('fr').dateTime(at), '29 mars 2026 à 14:05');
    assert.equal(textFor('fr').date(paris('2026-04-01T09:00:00')), '1er avril 2026');
    assert.equal(textFor('fr').month(at), 'Mars 2026');
    assert.equal(textFor('en').month(at), 'March 2026');
  });

  it('promise the next update with the time alone today, with the date otherwise', () => {
    const today = paris('2026-03-29T14:20:00');
    const tomorrow = paris('2026-03-30T09:00:00');
    assert.equal(textFor('en').nextUpdate(today, true, tag).join(''), `Next update by [${today.toISO()}|2:20 PM]`);
    assert.equal(textFor('fr').nextUpdate(today, true, tag).join(''), `Prochain point à [${today.toISO()}|14:20]`);
    assert.equal(textFor('fr').nextUpdate(tomorrow, false, tag).join(''), `Prochain point le [${tomorrow.toISO()}|30 mars à 09:00]`);
  });

  it('say a window on one day once, and both dates when it spans days', () => {
    const fr = textFor('fr');
    const from = paris('2026-04-01T14:00:00');
    const plain = (_: DateTime, text: string) => text;
    assert.equal(fr.window(from, paris('2026-04-01T16:00:00'), plain).join(''), 'le 1er avril 2026 de 14:00 à 16:00');
    assert.equal(fr.window(from, paris('2026-04-02T02:00:00'), plain).join(''), 'du 1er avril 2026 à 14:00 au 2 avril 2026 à 02:00');
    assert.equal(textFor('en').window(from, paris('2026-04-01T16:00:00'), plain).join(''), 'Apr 1, 2026 at 2:00 PM – 4:00 PM');
  });

  it('round uptime down, so a day with downtime never reads 100 %', () => {
    assert.equal(textFor('en').percent(99.996), '99.99%');
    assert.equal(textFor('en').percent(100), '100%');
    assert.match(textFor('fr').percent(99.5), /^99,50[\u00a0\u202f]%$/, 'French: decimal comma, no-break space before %');
  });

  it('write durations briefly', () => {
    assert.deepEqual([45, 80, 120, 0.2].map(textFor('en').duration), ['45 min', '1 hr 20 min', '2 hr', '1 min']);
    assert.deepEqual([45, 80, 120].map(textFor('fr').duration), ['45\u00a0min', '1\u00a0h\u00a020', '2\u00a0h']);
  });

  it('French uses no alarmist label in the banner (doctrine §2)', () => {
    const words = Object.values(textFor('fr').rollup).join(' ').toLowerCase();
    for (const banned of ['panne majeure', 'critique', 'majeur']) assert.ok(!words.includes(banned), banned);
  });
});
