import type { LintLanguage } from '../types.ts';
import { PEOPLE_EN, PEOPLE_FR, RECORDS_EN, RECORDS_FR } from './lexicon.ts';
import { spaced } from './patterns.ts';

export type Bound = 'exact' | 'approx' | 'atLeast' | 'atMost';

/** A count of people or records stated in the text: "plus de 120 000 clients", "1.2 million records". */
export interface StatedCount {
  kind: 'people' | 'records';
  value: number;
  bound: Bound;
  /** The number itself, in the normalised text (what a fix replaces). */
  start: number;
  end: number;
}

const NUMBER = {
  fr: String.raw`(?<n>\d{1,3}(?:(?:\x20|\.)\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?: ?(?<scale>millions?|milliards?|mille|k)(?!\p{L}))?`,
  en: String.raw`(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?: ?(?<scale>million|billion|thousand|k|m)(?!\p{L}))?`,
};
const QUALIFIER = {
  fr: String.raw`(?:(?<q>plus de|au moins|pas moins de|près de|environ|quelque|approximativement|moins de|jusqu'à) )?`,
  en: String.raw`(?:(?<q>more than|over|at least|no fewer than|nearly|almost|about|around|approximately|roughly|some|fewer than|less than|under|up to) )?`,
};
const COUNTED = {
  fr: String.raw` (?:de |d')?(?:nos |vos |des |les |ses |leurs )?(?:[\p{L}-]+ )?(?:(?<people>${PEOPLE_FR})|(?<records>${RECORDS_FR}))(?!\p{L})`,
  en: String.raw` (?:of )?(?:our |your |the |their )?(?:[\p{L}-]+ )?(?:(?<people>${PEOPLE_EN})|(?<records>${RECORDS_EN}))(?!\p{L})`,
};
const COUNT_RE = {
  fr: new RegExp(String.raw`(?<![\p{L}\p{N},.:])` + spaced(QUALIFIER.fr + NUMBER.fr + COUNTED.fr), 'gu'),
  en: new RegExp(String.raw`(?<![\p{L}\p{N},.:])` + spaced(QUALIFIER.en + NUMBER.en + COUNTED.en), 'gu'),
};

const BOUNDS: Record<string, Bound> = {
  'plus de': 'atLeast', 'au moins': 'atLeast', 'pas moins de': 'atLeast', 'more than': 'atLeast', over: 'atLeast', 'at least': 'atLeast', 'no fewer than': 'atLeast',
  'moins de': 'atMost', "jusqu'à": 'atMost', 'fewer than': 'atMost', 'less than': 'atMost', under: 'atMost', 'up to': 'atMost',
};
const SCALES: Record<string, number> = { million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9, billion: 1e9, mille: 1e3, thousand: 1e3, k: 1e3, m: 1e6 };

export function parseNumber(raw: string, language: LintLanguage, scale?: string): number {
  const plain = language === 'fr' ? raw.replace(/[ .]/g, '').replace(',', '.') : raw.replace(/,/g, '');
  return Math.round(Number(plain) * (scale ? (SCALES[scale] ?? 1) : 1));
}

export function statedCounts(norm: string, language: LintLanguage): StatedCount[] {
  const re = COUNT_RE[language];
  const counts: StatedCount[] = [];
  re.lastIndex = 0;
  for (let match = re.exec(norm); match; match = re.exec(norm)) {
    const groups = match.groups!;
    const q = groups.q;
    const numberText = groups.n!;
    const numberAt = match[0].indexOf(numberText, q ? q.length : 0);
    const scaleText = groups.scale;
    const start = match.index + numberAt;
    const end = match.index + (scaleText ? match[0].indexOf(scaleText, numberAt + numberText.length) + scaleText.length : numberAt + numberText.length);
    counts.push({
      kind: groups.people ? 'people' : 'records',
      value: parseNumber(numberText, language, scaleText),
      bound: q ? (BOUNDS[q] ?? 'approx') : 'exact',
      start,
      end,
    });
  }
  return counts;
}

export type CountVerdict = 'ok' | 'lower' | 'higher';

/**
 * How a stated count compares with the fact sheet's. Rounding within 5 % is fine ("120 000" for
 * 121 340); "about" allows 15 %; "more than" must stay below the figure and near it (80 %).
 */
export function compareCount(stated: Pick<StatedCount, 'value' | 'bound'>, sheet: number): CountVerdict {
  const { value, bound } = stated;
  switch (bound) {
    case 'exact':
      return value < sheet * 0.95 ? 'lower' : value > sheet * 1.05 ? 'higher' : 'ok';
    case 'approx':
      return value < sheet * 0.85 ? 'lower' : value > sheet * 1.15 ? 'higher' : 'ok';
    case 'atLeast':
      return value > sheet ? 'higher' : value < sheet * 0.8 ? 'lower' : 'ok';
    case 'atMost':
      return value < sheet ? 'lower' : 'ok';
  }
}

export function formatCount(value: number, language: LintLanguage): string {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 0 }).format(value);
}

/** A time of day stated as the start of the trouble: "depuis 15 h 10", "since 3:10 pm". */
export interface StatedTime {
  /** Minutes after midnight. */
  minutes: number;
  /** Without minutes ("depuis 15 h") or with "vers"/"around". */
  precision: 'minute' | 'hour' | 'approx';
  /** Written as UTC ("14:10 UTC"). */
  utc: boolean;
  /** "3:10" in English, without am/pm: 3:10 or 15:10. */
  twelveHour: boolean;
  style: 'fr-h' | 'fr-h-tight' | 'colon' | 'en-ampm';
  start: number;
  end: number;
}

const START_RE = {
  fr: new RegExp(
    spaced(String.raw`(?<!\p{L})(?:depuis|à partir de|a partir de|dès|entre|commencée? à|débutée? à|survenue? à|apparue? à|démarrée? à)(?: (?:ce matin|cet après-midi|ce soir|cette nuit|hier|aujourd'hui))?(?: (?<approx>vers|environ|aux alentours de))?(?: à)? (?<time>(?<h>\d{1,2})(?<sp> ?)(?:h|heures?)(?: ?(?<m>\d{2}))?(?!\p{L})|(?<ch>\d{1,2}):(?<cm>\d{2}))(?: (?<utc>utc|gmt))?`),
    'gu',
  ),
  en: new RegExp(
    spaced(String.raw`(?<!\p{L})(?:since|from|starting at|started at|began at|beginning at|between|began shortly after|started|began)(?: (?<approx>about|around|approximately|roughly))? (?<time>(?<h>\d{1,2})(?::(?<m>\d{2}))? ?(?<ampm>am|pm|a\.m\.|p\.m\.)|(?<ch>\d{1,2}):(?<cm>\d{2}))(?: (?<utc>utc|gmt))?`),
    'gu',
  ),
};

// "fonctionne normalement depuis 17 h 20", "working again since 5:20 pm": a recovery time, not the start.
const RECOVERY = {
  fr: /(?<!\p{L})(?:fonctionne|fonctionnent|rétablie?s?|normalement|de nouveau|à nouveau|revenue?s?|repris|reprise|rouvert|disponibles?)(?!\p{L})[^.!?;]*$/u,
  en: /(?<!\p{L})(?:work(?:s|ed|ing)?|restored|normally|again|back|resumed|recovered|available)(?!\p{L})[^.!?;]*$/u,
};

export function statedStartTimes(norm: string, language: LintLanguage): StatedTime[] {
  const re = START_RE[language];
  const times: StatedTime[] = [];
  re.lastIndex = 0;
  for (let match = re.exec(norm); match; match = re.exec(norm)) {
    const g = match.groups!;
    const before = norm.slice(Math.max(0, match.index - 60), match.index);
    if (RECOVERY[language].test(before.slice(Math.max(before.search(/[.!?;][^.!?;]*$/), 0)))) continue;
    const colon = g.ch !== undefined;
    let hours = Number(colon ? g.ch : g.h);
    const minutes = Number(colon ? g.cm : (g.m ?? '0'));
    if (g.ampm) {
      const pm = g.ampm.startsWith('p');
      if (hours === 12) hours = pm ? 12 : 0;
      else if (pm) hours += 12;
    }
    if (hours > 24 || minutes > 59) continue;
    const timeText = g.time!;
    const start = match.index + match[0].lastIndexOf(timeText);
    const hasMinutes = colon || g.m !== undefined;
    times.push({
      minutes: (hours % 24) * 60 + minutes,
      precision: g.approx ? 'approx' : hasMinutes ? 'minute' : 'hour',
      utc: g.utc !== undefined,
      twelveHour: language === 'en' && colon && hours >= 1 && hours <= 12,
      style: colon ? 'colon' : g.ampm ? 'en-ampm' : g.sp === '' ? 'fr-h-tight' : 'fr-h',
      start,
      end: start + timeText.length,
    });
  }
  return times;
}

/** Minutes after midnight of an instant in a time zone; throws RangeError on an unknown zone. */
export function minutesOfDay(iso: string, timeZone: string): number | null {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return null;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value);
  return hour * 60 + minute;
}

/** Distance between two times of day, across midnight. */
export function minutesApart(a: number, b: number): number {
  const d = Math.abs(a - b) % 1440;
  return Math.min(d, 1440 - d);
}

/** Distance from a stated time to a known one, reading "3:10" as 3:10 or 15:10, whichever is closer. */
export function distanceTo(time: Pick<StatedTime, 'minutes' | 'twelveHour'>, minutes: number): number {
  const direct = minutesApart(time.minutes, minutes);
  return time.twelveHour ? Math.min(direct, minutesApart(time.minutes + 720, minutes)) : direct;
}

export function timeTolerance(precision: StatedTime['precision']): number {
  return precision === 'minute' ? 5 : precision === 'hour' ? 30 : 20;
}

export function formatTime(minutes: number, style: StatedTime['style']): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const mm = String(m).padStart(2, '0');
  switch (style) {
    case 'fr-h':
      return m === 0 ? `${h} h` : `${h} h ${mm}`;
    case 'fr-h-tight':
      return m === 0 ? `${h}h` : `${h}h${mm}`;
    case 'colon':
      return `${String(h).padStart(2, '0')}:${mm}`;
    case 'en-ampm': {
      const twelve = h % 12 === 0 ? 12 : h % 12;
      return `${twelve}${m === 0 ? '' : `:${mm}`} ${h < 12 ? 'am' : 'pm'}`;
    }
  }
}
