import type { ReportLanguage } from './texts.ts';

const monthsFr = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const monthsEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
// Building an Intl.DateTimeFormat costs far more than using one: a report formats thousands of times.
const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(at: Date, timeZone: string) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
    formatters.set(timeZone, formatter);
  }
  const values: Record<string, number> = {};
  for (const part of formatter.formatToParts(at)) if (part.type !== 'literal') values[part.type] = Number(part.value);
  return { year: values.year!, month: values.month!, day: values.day!, hour: values.hour!, minute: values.minute! };
}

/**
 * "10 mars, 14 h 20" / "10 March, 2:20 pm" in the workspace's zone, the year added when it is not
 * the year of `reference`: the forms the messages use (domain/message/format.ts).
 */
export function reportMoment(at: Date, language: ReportLanguage, timeZone: string, reference: Date): string {
  const local = localParts(at, timeZone);
  const year = local.year === localParts(reference, timeZone).year ? '' : ` ${local.year}`;
  const day = language === 'fr' && local.day === 1 ? '1er' : String(local.day);
  const date = `${day} ${(language === 'fr' ? monthsFr : monthsEn)[local.month - 1]}${year}`;
  const mm = String(local.minute).padStart(2, '0');
  if (language === 'fr') return `${date}, ${local.minute === 0 ? `${local.hour} h` : `${local.hour} h ${mm}`}`;
  const h12 = local.hour % 12 === 0 ? 12 : local.hour % 12;
  return `${date}, ${local.minute === 0 ? h12 : `${h12}:${mm}`} ${local.hour < 12 ? 'am' : 'pm'}`;
}
