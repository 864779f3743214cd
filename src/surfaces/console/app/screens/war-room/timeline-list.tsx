import type { JSX } from 'preact';
import { useLanguage, useText } from '../../i18n.ts';
import { formatWhen } from './clocks-types.ts';
import { timelineText } from './timeline-text.ts';
import type { Timeline } from './timeline-scale.ts';

const minute = 60_000;

/** The picture's message in one line: how fast the first word came, how many updates, how many late silences. */
export function TimelineSummary({ timeline, now }: { timeline: Timeline; now: number }) {
  const t = useText(timelineText);
  const { incident, events, gaps, promises } = timeline;
  const detectedAt = Date.parse(incident.detected_at ?? incident.opened_at);
  const updates = events.filter((e) => e.kind === 'update').length;
  const late = gaps.filter((g) => g.late).length;
  const lengths = gaps.map((g) => Math.round(((g.ongoing ? Math.max(now, Date.parse(g.to)) : Date.parse(g.to)) - Date.parse(g.from)) / minute));
  const settled = promises.filter((p) => p.state === 'kept' || p.state === 'broken');
  const kept = settled.filter((p) => p.state === 'kept').length;
  return (
    <ul class="tl-summary">
      <li>{incident.public_at ? t('summaryFirst', { minutes: Math.round((Date.parse(incident.public_at) - detectedAt) / minute) }) : t('summaryNotPublic')}</li>
      {updates > 0 && <li>{t('summaryUpdates', { count: updates })}</li>}
      {late > 0 && <li class="late">{t('summaryLate', { count: late })}</li>}
      {lengths.length > 0 && <li>{t('summaryLongest', { minutes: Math.max(...lengths) })}</li>}
      {settled.length > 0 && <li class={kept < settled.length ? 'late' : undefined}>{t('summaryKept', { kept, total: settled.length })}</li>}
    </ul>
  );
}

const swatch = (content: JSX.Element) => (
  <svg width="22" height="16" viewBox="-11 -8 22 16" aria-hidden="true" class="tl-swatch">
    {content}
  </svg>
);

/** What each mark on this picture means, for those who see it: only the marks it has. */
export function TimelineLegend({ timeline }: { timeline: Timeline }) {
  const t = useText(timelineText);
  const has = (...kinds: string[]) => timeline.events.some((e) => kinds.includes(e.kind));
  const items: Array<[boolean, JSX.Element, string]> = [
    [has('update', 'message_published', 'first_public'), swatch(<circle r={5.5} class="tl-shape tl-accent" />), t('legendUpdate')],
    [has('fact_known', 'fact_confirmed'), swatch(<circle r={5} class="tl-shape tl-info tl-hollow tl-thick" />), t('legendFact')],
    [timeline.promises.some((p) => p.due_at), swatch(<path d="M0,-7 L7,0 L0,7 L-7,0 Z" class="tl-due-mark" />), t('legendPromise')],
    [has('promise_kept'), swatch(<><circle r={6.5} class="tl-shape tl-ok" /><path d="M-3.5,0 L-1,2.8 L3.5,-2.8" class="tl-check" /></>), t('legendKept')],
    [has('promise_broken'), swatch(<path d="M-5,-5 L5,5 M5,-5 L-5,5" class="tl-cross" />), t('legendBroken')],
    [timeline.gaps.some((g) => !g.late), swatch(<rect x={-10} y={-4} width={20} height={8} rx={3} class="tl-gap-bar" />), t('legendSilence')],
    [timeline.gaps.some((g) => g.late), swatch(<g class="tl-gap-late"><rect x={-10} y={-4} width={20} height={8} rx={3} class="tl-gap-bar" /></g>), t('legendLate')],
    [has('regulatory'), swatch(<path d="M-4,7 L-4,-7 L7,-3 L-4,1" class="tl-shape tl-flag tl-warn" />), t('legendDeadline')],
  ];
  return (
    <ul class="tl-legend" aria-label={t('legend')}>
      {items
        .filter(([isShown]) => isShown)
        .map(([, mark, text]) => (
          <li key={text}>
            {mark} {text}
          </li>
        ))}
    </ul>
  );
}

/** The same events as the picture, as a table, for a screen reader or a quick copy into a report. */
export function TimelineList({ timeline, now }: { timeline: Timeline; now: number }) {
  const t = useText(timelineText);
  const language = useLanguage();
  return (
    <details class="tl-list">
      <summary>{t('list', { count: timeline.events.length })}</summary>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t('when')}</th>
            <th scope="col">{t('row')}</th>
            <th scope="col">{t('what')}</th>
          </tr>
        </thead>
        <tbody>
          {timeline.events.map((event) => (
            <tr key={`${event.kind}:${event.ref.id}:${event.at}`} data-kind={event.kind}>
              <td class="tl-when">
                <time dateTime={event.at}>{formatWhen(event.at, now, language)}</time>
              </td>
              <td>{t(`lane_${event.lane}`)}</td>
              <td>{event.label[language]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {timeline.gaps.length > 0 && (
        <>
          <h3 class="tl-list-heading">{t('silences')}</h3>
          <ul class="tl-silences">
            {timeline.gaps.map((gap) => {
              const to = gap.ongoing ? new Date(Math.max(now, Date.parse(gap.to))).toISOString() : gap.to;
              const minutes = Math.round((Date.parse(to) - Date.parse(gap.from)) / minute);
              return (
                <li key={gap.from} class={gap.late ? 'late' : undefined} data-late={String(gap.late)}>
                  {t('silenceRow', { from: formatWhen(gap.from, now, language), to: gap.ongoing ? t('now') : formatWhen(to, now, language), minutes })}
                  {gap.late && <> — {t('lateWord')}</>}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </details>
  );
}
