import { defineTexts, useLanguage, useText, type Language } from '../i18n.ts';

const countdownText = defineTexts('ui.countdown', {
  en: { lessThanMinute: 'less than a minute', lateBy: 'late by {{duration}}', left: '{{duration}} left' },
  fr: { lessThanMinute: 'moins d’une minute', lateBy: 'en retard de {{duration}}', left: 'encore {{duration}}' },
});

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const pad = (value: number) => String(value).padStart(2, '0');

/** A length of time as a person says it: "12 min", "2 h 05 min", "2 d 23 h" / "2 j 23 h". */
export function formatDuration(ms: number, language: Language): string {
  const abs = Math.abs(ms);
  if (abs < day) {
    const minutes = Math.floor(abs / minute);
    if (minutes < 60) return `${minutes} min`;
    return `${Math.floor(minutes / 60)} h ${pad(minutes % 60)} min`;
  }
  const hours = Math.floor(abs / hour);
  return `${Math.floor(hours / 24)} ${language === 'fr' ? 'j' : 'd'} ${hours % 24} h`;
}

/** What a countdown reads: mm:ss under an hour, then hours and minutes, then days. */
export function countdownValue(msLeft: number, language: Language): string {
  if (msLeft < 0) return formatDuration(msLeft, language);
  if (msLeft < hour) {
    const seconds = Math.floor(msLeft / 1000);
    return `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`;
  }
  return formatDuration(msLeft, language);
}

/**
 * The time left until `due`, ticking with `now` (the server's time, from useNow). A timer's text is
 * never announced as it ticks (role timer): the panels announce the changes of state instead.
 */
export function Countdown({ due, now, class: className }: { due: string; now: number; class?: string }) {
  const t = useText(countdownText);
  const language = useLanguage();
  const msLeft = new Date(due).getTime() - now;
  const late = msLeft < 0;
  const lateBy = -msLeft < minute ? t('lessThanMinute') : formatDuration(msLeft, language);
  return (
    <span role="timer" class={`countdown${late ? ' countdown-late' : ''} ${className ?? ''}`}>
      <time dateTime={due}>{late ? t('lateBy', { duration: lateBy }) : countdownValue(msLeft, language)}</time>
    </span>
  );
}

/** "12 min left", "late by 3 h 05 min": for a line of text rather than a big figure. */
export function TimeLeft({ due, now }: { due: string; now: number }) {
  const t = useText(countdownText);
  const language = useLanguage();
  const msLeft = new Date(due).getTime() - now;
  const duration = Math.abs(msLeft) < minute ? t('lessThanMinute') : formatDuration(msLeft, language);
  return <span class={msLeft < 0 ? 'late' : undefined}>{msLeft < 0 ? t('lateBy', { duration }) : t('left', { duration })}</span>;
}
