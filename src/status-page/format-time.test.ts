import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatTimestamp, localDateParts, zoneAbbreviation } from './format-time.ts';

describe('formatTimestamp', () => {
  const cases: Array<[string, string, string]> = [
    ['2026-03-29T00:59:59.999Z', 'Europe/Paris', '2026-03-29T01:59:59.999+01:00'],
    ['2026-03-29T01:00:00.000Z', 'Europe/Paris', '2026-03-29T03:00:00.000+02:00'],
    ['2026-10-25T00:59:59.999Z', 'Europe/Paris', '2026-10-25T02:59:59.999+02:00'],
    ['2026-10-25T01:00:00.000Z', 'Europe/Paris', '2026-10-25T02:00:00.000+01:00'],
    ['2020-06-16T21:00:41.530Z', 'America/Los_Angeles', '2020-06-16T14:00:41.530-07:00'],
    ['2019-01-10T16:04:05.231Z', 'America/Los_Angeles', '2019-01-10T08:04:05.231-08:00'],
    ['2026-01-01T00:00:00.000Z', 'Asia/Kolkata', '2026-01-01T05:30:00.000+05:30'],
    ['2026-01-01T00:00:00.000Z', 'America/St_Johns', '2025-12-31T20:30:00.000-03:30'],
    ['2026-01-15T12:00:00.000Z', 'Europe/London', '2026-01-15T12:00:00.000+00:00'],
    ['2026-01-15T12:00:00.007Z', 'Etc/UTC', '2026-01-15T12:00:00.007Z'],
    ['2026-07-15T12:00:00.000Z', 'UTC', '2026-07-15T12:00:00.000Z'],
    // Half-hour and 45-minute zones change on a quarter hour too: both sides of the instant.
    ['2026-10-03T15:29:59.999Z', 'Australia/Lord_Howe', '2026-10-04T01:59:59.999+10:30'],
    ['2026-10-03T15:30:00.000Z', 'Australia/Lord_Howe', '2026-10-04T02:30:00.000+11:00'],
    ['2026-04-04T13:59:59.999Z', 'Pacific/Chatham', '2026-04-05T03:44:59.999+13:45'],
    ['2026-04-04T14:00:00.000Z', 'Pacific/Chatham', '2026-04-05T02:45:00.000+12:45'],
  ];
  for (const [instant, zone, expected] of cases) {
    it(`${instant} in ${zone} is ${expected}`, () => assert.equal(formatTimestamp(new Date(instant), zone), expected));
  }

  it('names the same instant, offset included', () => {
    for (const [instant, zone] of cases) assert.equal(Date.parse(formatTimestamp(new Date(instant), zone)), Date.parse(instant));
  });

  it('refuses an unknown zone rather than writing a wrong offset', () => {
    assert.throws(() => formatTimestamp(new Date(0), 'Mars/Olympus_Mons'), RangeError);
  });
});

describe('localDateParts', () => {
  it('writes a Paris summer time as Statuspage does in English, naturally in French', () => {
    const at = new Date('2026-07-14T08:05:00Z');
    assert.deepEqual(localDateParts(at, 'Europe/Paris', 'en'), { month: 'Jul', day: '14', time: '10:05', zone: 'CEST' });
    assert.deepEqual(localDateParts(at, 'Europe/Paris', 'fr'), { month: 'juillet', day: '14', time: '10:05', zone: 'UTC+2' });
  });

  it('uses the zone name of the instant, and 24-hour time', () => {
    assert.equal(zoneAbbreviation(new Date('2026-01-14T23:30:00Z'), 'America/Los_Angeles', 'en'), 'PST');
    assert.equal(zoneAbbreviation(new Date('2026-07-14T23:30:00Z'), 'America/Los_Angeles', 'en'), 'PDT');
    assert.equal(zoneAbbreviation(new Date('2026-07-14T23:30:00Z'), 'Etc/UTC', 'en'), 'UTC');
    assert.equal(zoneAbbreviation(new Date('2026-07-14T23:30:00Z'), 'Asia/Tokyo', 'en'), 'GMT+9');
    assert.equal(localDateParts(new Date('2026-07-14T23:30:00Z'), 'Etc/UTC', 'en').time, '23:30');
    assert.equal(localDateParts(new Date('2026-07-14T00:05:00Z'), 'Etc/UTC', 'fr').time, '00:05');
  });
});
