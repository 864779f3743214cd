import i18next from 'i18next';
import { useEffect, useMemo, useState } from 'preact/hooks';

/** The console speaks French and English; the choice is remembered in this browser. */
export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'tocsin.language';

function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(storageKey);
  if (stored === 'fr' || stored === 'en') return stored;
  for (const tag of globalThis.navigator?.languages ?? []) {
    if (tag.toLowerCase().startsWith('fr')) return 'fr';
    if (tag.toLowerCase().startsWith('en')) return 'en';
  }
  return 'en';
}

void i18next.init({ lng: initialLanguage(), fallbackLng: 'en', resources: {}, initAsync: false, interpolation: { escapeValue: false } });
document.documentElement.lang = i18next.language;

export function currentLanguage(): Language {
  return i18next.language === 'fr' ? 'fr' : 'en';
}

export function setLanguage(language: Language): void {
  globalThis.localStorage?.setItem(storageKey, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

/** The current language; a component using it renders again when the language changes. */
export function useLanguage(): Language {
  const [language, set] = useState(currentLanguage());
  useEffect(() => {
    const changed = () => set(currentLanguage());
    i18next.on('languageChanged', changed);
    return () => i18next.off('languageChanged', changed);
  }, []);
  return language;
}

type Strings = Record<string, string>;
/** `count_one` / `count_other` are asked for as `count` with `{ count }`. */
type Key<K> = K extends `${infer Base}_${'zero' | 'one' | 'other'}` ? Base : K;
export type Translate<E extends Strings> = (key: Key<keyof E & string>, values?: Record<string, unknown>) => string;

export interface Texts<E extends Strings> {
  namespace: string;
  en: E;
}

/**
 * A screen's words, in both languages: French must have every key English has, so a missing
 * translation is a type error, not a blank in the middle of a crisis.
 */
export function defineTexts<const E extends Strings>(namespace: string, texts: { en: E; fr: { [K in keyof E]: string } }): Texts<E> {
  i18next.addResourceBundle('en', namespace, texts.en, true, true);
  i18next.addResourceBundle('fr', namespace, texts.fr, true, true);
  return { namespace, en: texts.en };
}

export function useText<E extends Strings>(texts: Texts<E>): Translate<E> {
  const language = useLanguage();
  return useMemo(() => i18next.getFixedT(language, texts.namespace) as unknown as Translate<E>, [language, texts.namespace]);
}

/** Dates and times as a person reads them, in the console's language and the browser's time zone. */
export function formatDateTime(value: string | Date | null | undefined, language: Language, style: 'short' | 'long' = 'short'): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', style === 'short' ? { dateStyle: 'short', timeStyle: 'short' } : { dateStyle: 'full', timeStyle: 'short' }).format(date);
}

export function formatTime(value: string | Date | null | undefined, language: Language): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit' }).format(date);
}

/** "in 12 min", "il y a 3 h": how far a time is from now. */
export function formatRelative(value: string | Date, now: number, language: Language): string {
  const seconds = Math.round((new Date(value).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400 * 2) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB').format(value);
}
