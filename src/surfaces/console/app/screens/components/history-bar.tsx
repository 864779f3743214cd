import { useMemo } from 'preact/hooks';
import { useLanguage, useText } from '../../i18n.ts';
import { serverNow } from '../../api.ts';
import { dailyWorst, historyDays, statusTone, troubledDays, type ComponentStatus, type StatusChange } from './model.ts';
import { componentsText } from './text.ts';

const barWidth = 3;
const barGap = 1;
const height = 22;

/** Ninety small bars, one per day, colored by the worst status of the day; the summary is said in words. */
export function HistoryBar({ name, changes, current }: { name: string; changes: StatusChange[] | undefined; current: ComponentStatus }) {
  const t = useText(componentsText);
  const language = useLanguage();
  const days = useMemo(() => (changes ? dailyWorst(changes, current, new Date(serverNow())) : null), [changes, current]);
  if (!days) return <span class="history-bar history-bar-loading" aria-hidden="true" />;
  const tracked = days.some((day) => day.worst !== null);
  const trouble = troubledDays(days);
  const summary = !tracked ? t('historyNoData') : trouble === 0 ? t('historyAllGood') : t('historyTrouble', { count: trouble });
  const dateFormat = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'short' });
  return (
    <svg
      class="history-bar"
      role="img"
      aria-label={t('historyLabel', { name, summary })}
      viewBox={`0 0 ${historyDays * (barWidth + barGap) - barGap} ${height}`}
      preserveAspectRatio="none"
    >
      {days.map((day, i) => (
        <rect key={i} x={i * (barWidth + barGap)} y={0} width={barWidth} height={height} rx={1} class={`day day-${day.worst ? statusTone[day.worst] : 'none'}`}>
          <title>{day.worst ? t('dayTitle', { date: dateFormat.format(day.start), status: t(`status_${day.worst}`) }) : t('dayNoData', { date: dateFormat.format(day.start) })}</title>
        </rect>
      ))}
    </svg>
  );
}
