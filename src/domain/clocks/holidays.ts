import { DateTime } from 'luxon';

/** Where working days are counted: a time zone and the non-working days besides weekends. */
export interface WorkingCalendar {
  /** IANA time zone the local dates are read in. */
  timeZone: string;
  /** Non-working days besides Saturdays and Sundays, as yyyy-mm-dd. */
  holidays: readonly string[];
}

/** Easter Sunday of a Gregorian year as yyyy-mm-dd (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return DateTime.utc(year, month, day).toISODate()!;
}

/**
 * French public holidays of a year (Code du travail L3133-1), oldest first: 8 fixed dates plus
 * Easter Monday, Ascension and Whit Monday. Alsace-Moselle adds Good Friday and 26 December: a
 * workspace there adds them to its calendar.
 */
export function frenchPublicHolidays(year: number): string[] {
  const easter = DateTime.fromISO(easterSunday(year), { zone: 'utc' });
  const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].map((monthDay) => `${year}-${monthDay}`);
  const movable = [1, 39, 50].map((days) => easter.plus({ days }).toISODate()!);
  return [...fixed, ...movable].sort();
}

/** Whether a local date is a working day: neither Saturday, Sunday nor a listed holiday. */
export function isWorkingDay(date: DateTime, holidays: ReadonlySet<string>): boolean {
  return date.weekday <= 5 && !holidays.has(date.toISODate()!);
}

/**
 * Where a deadline on a non-working day moves: `hour`:00 local on the next working day. Null when
 * `at` already falls on a working day, so nothing moves.
 */
export function shiftToNextWorkingDay(at: Date, calendar: WorkingCalendar, hour: number): Date | null {
  const holidays = new Set(calendar.holidays);
  const local = DateTime.fromJSDate(at, { zone: calendar.timeZone });
  if (!local.isValid) throw new RangeError(`Unknown time zone "${calendar.timeZone}".`);
  if (isWorkingDay(local, holidays)) return null;
  let day = local.startOf('day');
  // A calendar listing every day of a year is a setting mistake, not a reason to loop forever.
  for (let step = 0; step < 366; step++) {
    day = day.plus({ days: 1 });
    if (isWorkingDay(day, holidays)) return day.set({ hour }).toJSDate();
  }
  throw new RangeError(`No working day within a year after ${local.toISODate()}: check the holiday calendar.`);
}
