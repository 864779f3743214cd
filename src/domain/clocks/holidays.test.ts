import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { easterSunday, frenchPublicHolidays, shiftToNextWorkingDay } from './holidays.ts';

describe('the French holiday calendar', () => {
  it('finds Easter Sunday as published for the years around now', () => {
    const published: Array<[number, string]> = [[2024, '2024-03-31'], [2025, '2025-04-20'], [2026, '2026-04-05'], [2027, '2027-03-28'], [2028, '2028-04-16'], [2038, '2038-04-25']];
    for (const [year, easter] of published) assert.equal(easterSunday(year), easter, String(year));
  });

  it('lists the 11 public holidays of 2027, with Easter Monday 29 March, Ascension 6 May and Whit Monday 17 May', () => {
    assert.deepEqual(frenchPublicHolidays(2027), [
      '2027-01-01', '2027-03-29', '2027-05-01', '2027-05-06', '2027-05-08', '2027-05-17',
      '2027-07-14', '2027-08-15', '2027-11-01', '2027-11-11', '2027-12-25',
    ]);
  });
});

describe('moving a deadline off a non-working day', () => {
  const paris = { timeZone: 'Europe/Paris', holidays: frenchPublicHolidays(2027) };

  it('leaves a working day alone, however late in the day', () => {
    assert.equal(shiftToNextWorkingDay(new Date('2027-06-04T21:59:00Z'), paris, 12), null, 'Friday 23:59 Paris');
  });

  it('moves a Saturday and a Sunday to Monday at the hour asked, local time', () => {
    assert.equal(shiftToNextWorkingDay(new Date('2027-06-05T12:00:00Z'), paris, 12)?.toISOString(), '2027-06-07T10:00:00.000Z');
    assert.equal(shiftToNextWorkingDay(new Date('2027-06-05T22:30:00Z'), paris, 12)?.toISOString(), '2027-06-07T10:00:00.000Z', 'Sunday 00:30 Paris');
  });

  it('reads the day in the calendar\'s time zone: Friday 23:30 UTC is already Saturday in Paris', () => {
    assert.equal(shiftToNextWorkingDay(new Date('2027-06-04T23:30:00Z'), paris, 12)?.toISOString(), '2027-06-07T10:00:00.000Z');
    assert.equal(shiftToNextWorkingDay(new Date('2027-06-04T23:30:00Z'), { ...paris, timeZone: 'UTC' }, 12), null);
  });

  it('skips a holiday followed by a weekend: Friday 1 January 2027 → Monday 4 January', () => {
    assert.equal(shiftToNextWorkingDay(new Date('2027-01-01T09:00:00Z'), paris, 12)?.toISOString(), '2027-01-04T11:00:00.000Z');
  });

  it('refuses a calendar with no working day rather than looping', () => {
    const everyDay = Array.from({ length: 400 }, (_, n) => new Date(Date.UTC(2027, 0, 1 + n)).toISOString().slice(0, 10));
    assert.throws(() => shiftToNextWorkingDay(new Date('2027-01-01T09:00:00Z'), { ...paris, holidays: everyDay }, 12), RangeError);
  });
});
