import type { LintLanguage } from '../linter/index.ts';

// Plain spaces only: Intl's narrow no-break spaces would push an SMS out of GSM-7.
const monthsFr = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const monthsEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

// Building an Intl.DateTimeFormat costs far more than using one: one per time zone, kept.
const localFormats = new Map<string, Intl.DateTimeFormat>();

function localTime(at: Date, timeZone: string): LocalTime {
  let format = localFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
    localFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

/** "16 h 30", "16 h" in French; "4:30 pm", "4 pm" in English: the forms the linter reads as times. */
export function formatClock(at: Date, language: LintLanguage, timeZone: string): string {
  const { hour, minute } = localTime(at, timeZone);
  const mm = String(minute).padStart(2, '0');
  if (language === 'fr') return minute === 0 ? `${hour} h` : `${hour} h ${mm}`;
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${minute === 0 ? h12 : `${h12}:${mm}`} ${hour < 12 ? 'am' : 'pm'}`;
}

/** "10 mars" / "10 March", with the year when it is not the year of `now`. */
export function formatDate(at: Date, language: LintLanguage, timeZone: string, now: Date): string {
  const local = localTime(at, timeZone);
  const year = local.year === localTime(now, timeZone).year ? '' : ` ${local.year}`;
  const day = language === 'fr' && local.day === 1 ? '1er' : String(local.day);
  return `${day} ${(language === 'fr' ? monthsFr : monthsEn)[local.month - 1]}${year}`;
}

/**
 * A moment as a message says it: the time alone on the day of `now` ("16 h 30"), with its date on
 * another day ("9 h le 11 mars", "9 am on 11 March"), so "Prochain point à …" reads right either way.
 */
export function formatMoment(at: Date, language: LintLanguage, timeZone: string, now: Date): string {
  const local = localTime(at, timeZone);
  const today = localTime(now, timeZone);
  const clock = formatClock(at, language, timeZone);
  if (local.year === today.year && local.month === today.month && local.day === today.day) return clock;
  const date = formatDate(at, language, timeZone, now);
  return language === 'fr' ? `${clock} le ${date}` : `${clock} on ${date}`;
}

/** "A, B et C" / "A, B and C". */
export function formatList(items: readonly string[], language: LintLanguage): string {
  return listFormats[language].format(items);
}

/** "1 200" / "1,200", with a plain space. */
export function formatCount(value: number, language: LintLanguage): string {
  return countFormats[language].format(value).replace(/[\u00a0\u202f]/g, ' ');
}

const listFormats = { fr: new Intl.ListFormat('fr', { type: 'conjunction' }), en: new Intl.ListFormat('en-GB', { type: 'conjunction' }) };
const countFormats = { fr: new Intl.NumberFormat('fr-FR'), en: new Intl.NumberFormat('en-GB') };

/** A fact as a sentence of its own: capital first, a final full stop. */
export function asSentence(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return '';
  const capitalised = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
