import { IANAZone } from 'luxon';

/** IANA names of UTC itself: Statuspage (Rails) writes `Z` only for these, `+00:00` for GMT/London. */
const utcZones = new Set(['UTC', 'Etc/UTC', 'Etc/UCT', 'Etc/Universal', 'Etc/Zulu', 'UCT', 'Universal', 'Zulu']);

export function isUtcZone(timeZone: string): boolean {
  return utcZones.has(timeZone);
}

/**
 * Offsets by zone and quarter hour: a page formats thousands of instants, and asking the zone each
 * time is what a publish spent most on. Zones change offset on quarter hours of UTC (the odd
 * minutes of 19th-century local mean times excepted), so one answer holds for its quarter.
 */
const offsets = new Map<string, number>();
const quarterMs = 900_000;

/** Minutes east of UTC in `timeZone` at that instant (DST included). */
export function offsetMinutesAt(at: Date, timeZone: string): number {
  const quarter = Math.floor(at.getTime() / quarterMs);
  const key = `${timeZone}|${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const zone = IANAZone.create(timeZone);
    // The page's zone is validated when the page is saved; an invalid one here is a bug upstream.
    if (!zone.isValid) throw new RangeError(`Unknown time zone "${timeZone}"`);
    if (offsets.size >= 100_000) offsets.clear();
    offsets.set(key, (offset = zone.offset(quarter * quarterMs)));
  }
  return offset;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * Statuspage's timestamp: ISO 8601 with milliseconds and the zone's offset at that instant, with a
 * colon (`2026-03-29T03:00:00.000+02:00`); UTC pages write `Z`. Strict clients reject `+0200`.
 */
export function formatTimestamp(at: Date, timeZone: string): string {
  const offset = isUtcZone(timeZone) ? 0 : offsetMinutesAt(at, timeZone);
  const local = new Date(at.getTime() + offset * 60_000);
  const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}.${pad(local.getUTCMilliseconds(), 3)}`;
  if (isUtcZone(timeZone)) return `${date}T${time}Z`;
  const sign = offset < 0 ? '-' : '+';
  const absolute = Math.abs(offset);
  return `${date}T${time}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

export interface LocalDateParts {
  /** "Mar" in English, "mars" in French. */
  month: string;
  day: string;
  /** 24-hour "HH:mm". */
  time: string;
  /** "CEST", "PDT", "UTC" in English; "UTC+2" in French. */
  zone: string;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let formatter = partsFormats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    partsFormats.set(key, formatter);
  }
  return formatter;
}

function part(formatter: Intl.DateTimeFormat, at: Date, type: Intl.DateTimeFormatPartTypes): string {
  return formatter.formatToParts(at).find((p) => p.type === type)?.value ?? '';
}

/**
 * The zone's short name at that instant. English prefers a letter abbreviation as Statuspage
 * shows it (en-US knows PDT but writes Paris as GMT+2; en-GB knows CEST).
 */
export function zoneAbbreviation(at: Date, timeZone: string, language: 'fr' | 'en'): string {
  if (language === 'fr') return part(format('fr-FR', timeZone, { timeZoneName: 'short' }), at, 'timeZoneName');
  const american = part(format('en-US', timeZone, { timeZoneName: 'short' }), at, 'timeZoneName');
  if (!/^GMT[+-]/.test(american)) return american;
  const british = part(format('en-GB', timeZone, { timeZoneName: 'short' }), at, 'timeZoneName');
  return /^GMT[+-]/.test(british) ? american : british;
}

/** Day, month, time and zone of an instant in the page's zone and language, for feeds and text. */
export function localDateParts(at: Date, timeZone: string, language: 'fr' | 'en'): LocalDateParts {
  const locale = language === 'fr' ? 'fr-FR' : 'en-US';
  const date = format(locale, timeZone, { month: language === 'fr' ? 'long' : 'short', day: 'numeric' });
  const time = format(locale, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return {
    month: part(date, at, 'month'),
    day: part(date, at, 'day'),
    time: `${part(time, at, 'hour')}:${part(time, at, 'minute')}`,
    zone: zoneAbbreviation(at, timeZone, language),
  };
}
