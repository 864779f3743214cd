import { useLanguage, useText, type Language } from '../../i18n.ts';
import { formatWhen } from './clocks-types.ts';
import { TimelineMarkerShape } from './timeline-shapes.tsx';
import { timelineText } from './timeline-text.ts';
import { axisTicks, isWholeDays, stackOffsets, timeRange, type Timeline, type TimelineEvent } from './timeline-scale.ts';

const rowOrder = ['known', 'said', 'silences', 'promised', 'regulatory'] as const;
type Row = (typeof rowOrder)[number];
const rowHeight = (row: Row) => (row === 'silences' ? 38 : 56);
const top = 26;
const rightPad = 18;

/** How a person reads one event: when, then what (in their language); "later" when it lies past the edge. */
export function eventText(event: TimelineEvent, now: number, language: Language): string {
  return `${formatWhen(event.at, now, language)} — ${event.label[language]}`;
}

/**
 * The incident as a picture, drawn by hand in SVG: one row per lane on a shared time axis, the
 * silences between public updates as bars (late ones red and labelled), each promised time joined
 * to when it was kept, and a line at now. Every mark has a tooltip and can be reached by keyboard.
 */
export function TimelinePlot({ timeline, now, width, onSelect }: { timeline: Timeline; now: number; width: number; onSelect: (text: string) => void }) {
  const t = useText(timelineText);
  const language = useLanguage();
  const rows = rowOrder.filter((row) => row !== 'regulatory' || timeline.events.some((e) => e.lane === 'regulatory'));
  const rowTop = {} as Record<Row, number>;
  let y = top;
  for (const row of rows) {
    rowTop[row] = y;
    y += rowHeight(row);
  }
  const axisY = y;
  const height = axisY + 36;
  const labelWidth = width < 560 ? 128 : 156;
  const plotWidth = Math.max(120, width - labelWidth - rightPad);
  const { start, end } = timeRange(timeline, now);
  const x = (at: number) => labelWidth + Math.min(1, Math.max(0, (at - start) / (end - start))) * plotWidth;
  const middle = (row: Row) => rowTop[row] + rowHeight(row) / 2;
  const { ticks, step } = axisTicks(start, end, Math.floor(plotWidth / 88));
  const dayFormat = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'short' });
  const timeFormat = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  const rightEdge = labelWidth + plotWidth;

  const markers = (['known', 'said', 'promised', 'regulatory'] as const).flatMap((lane) => {
    const events = timeline.events.filter((e) => e.lane === lane);
    const xs = events.map((e) => x(Date.parse(e.at)));
    const offsets = stackOffsets(xs, 18, [0, -16, 16]);
    return events.map((event, i) => ({ event, cx: xs[i]!, cy: middle(lane) + offsets[i]!, isLater: Date.parse(event.at) > end }));
  });
  const silencesMid = middle('silences');

  return (
    <svg class="tl-plot" viewBox={`0 0 ${width} ${height}`} width="100%" role="group" aria-label={t('plotLabel', { count: timeline.events.length })}>
      {rows.map((row, i) => (
        <g key={row} class="tl-row" aria-hidden="true">
          <rect x={0} y={rowTop[row]} width={width} height={rowHeight(row)} class={i % 2 === 0 ? 'tl-band' : 'tl-band tl-band-alt'} />
          <text x={8} y={middle(row) + 4} class={row === 'silences' ? 'tl-row-label tl-row-label-minor' : 'tl-row-label'}>
            {t(`lane_${row}`)}
          </text>
        </g>
      ))}
      <g class="tl-axis" aria-hidden="true">
        <line x1={labelWidth} x2={rightEdge} y1={axisY} y2={axisY} class="tl-axis-line" />
        {ticks.map((tick, i) => {
          const date = new Date(tick);
          const isNewDay = i === 0 || new Date(ticks[i - 1]!).toDateString() !== date.toDateString();
          return (
            <g key={tick}>
              <line x1={x(tick)} x2={x(tick)} y1={top} y2={axisY + 4} class="tl-grid" />
              <text x={x(tick)} y={axisY + 16} text-anchor="middle" class="tl-tick">
                {isWholeDays(step) ? dayFormat.format(date) : timeFormat.format(date)}
              </text>
              {!isWholeDays(step) && isNewDay && (
                <text x={x(tick)} y={axisY + 30} text-anchor="middle" class="tl-tick tl-tick-day">
                  {dayFormat.format(date)}
                </text>
              )}
            </g>
          );
        })}
      </g>
      {timeline.gaps.map((gap) => {
        const from = Date.parse(gap.from);
        const to = gap.ongoing ? Math.max(now, Date.parse(gap.to)) : Date.parse(gap.to);
        const minutes = Math.round((to - from) / 60_000);
        const x1 = x(from);
        const x2 = Math.max(x1 + 3, x(to));
        const span = t('from', { from: formatWhen(new Date(from).toISOString(), now, language), to: formatWhen(new Date(to).toISOString(), now, language) });
        const title = `${gap.late ? t('silenceLateTitle', { minutes }) : gap.ongoing ? t('silenceOngoing', { minutes }) : t('silence', { minutes })}, ${span}`;
        const label = gap.late ? t('silenceLate', { minutes }) : `${minutes} min`;
        return (
          <g key={gap.from} class={`tl-gap${gap.late ? ' tl-gap-late' : ''}${gap.ongoing ? ' tl-gap-ongoing' : ''}`} data-late={String(gap.late)} tabindex={0} role="img" aria-label={title} onFocus={() => onSelect(title)} onMouseEnter={() => onSelect(title)}>
            <title>{title}</title>
            <rect x={x1} y={silencesMid + 2} width={x2 - x1} height={9} rx={3} class="tl-gap-bar" />
            {x2 - x1 > label.length * 6.4 + 6 && (
              <text x={(x1 + x2) / 2} y={silencesMid - 3} text-anchor="middle" class="tl-gap-label">
                {label}
              </text>
            )}
          </g>
        );
      })}
      {timeline.promises.map((promise) => {
        if (!promise.due_at) return null;
        const due = Date.parse(promise.due_at);
        const xd = x(due);
        const ym = middle('promised');
        const time = formatWhen(promise.due_at, now, language);
        const outcome = promise.state === 'kept' && promise.kept_at ? t('due_kept', { time: formatWhen(promise.kept_at, now, language) }) : t(`due_${promise.state}`);
        const title = `${t('dueMarker', { time })} — ${outcome}`;
        return (
          <g key={promise.id} class={`tl-due tl-due-${promise.state}`} data-due={promise.state}>
            <line x1={x(Date.parse(promise.made_at))} x2={xd} y1={ym} y2={ym} class="tl-promise-span" />
            {promise.kept_at && <line x1={x(Date.parse(promise.kept_at))} x2={xd} y1={ym} y2={ym} class="tl-kept-link" />}
            <path d={`M${xd},${ym - 9} L${xd + 9},${ym} L${xd},${ym + 9} L${xd - 9},${ym} Z`} class="tl-due-mark">
              <title>{title}</title>
            </path>
          </g>
        );
      })}
      {markers.map(({ event, cx, cy, isLater }) => {
        const text = isLater ? `${t('later', { when: formatWhen(event.at, now, language) })} — ${event.label[language]}` : eventText(event, now, language);
        return (
          <g
            key={`${event.kind}:${event.ref.id}:${event.at}`}
            class="tl-marker"
            data-kind={event.kind}
            data-lane={event.lane}
            transform={`translate(${cx} ${cy})`}
            tabindex={0}
            role="img"
            aria-label={text}
            onFocus={() => onSelect(text)}
            onMouseEnter={() => onSelect(text)}
          >
            <title>{text}</title>
            <circle r={12} class="tl-focus" />
            <TimelineMarkerShape event={event} />
            {isLater && (
              <>
                <path d="M10,-4 L14,0 L10,4" class="tl-later" />
                <text x={-12} y={4} text-anchor="end" class="tl-tick tl-tick-day">
                  {dayFormat.format(new Date(event.at))}
                </text>
              </>
            )}
          </g>
        );
      })}
      {now >= start && now <= end && (
        <g class="tl-now" aria-hidden="true">
          <line x1={x(now)} x2={x(now)} y1={top - 6} y2={axisY} class="tl-now-line" />
          <text x={Math.min(x(now), rightEdge - 20)} y={top - 10} text-anchor="middle" class="tl-now-label">
            {t('now')}
          </text>
        </g>
      )}
    </svg>
  );
}
