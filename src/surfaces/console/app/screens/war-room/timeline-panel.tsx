import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useLanguage, useText } from '../../i18n.ts';
import { ErrorNotice, Loading } from '../../ui/kit.tsx';
import { useNow, useResource } from '../../use-resource.ts';
import { TimelineLegend, TimelineList, TimelineSummary } from './timeline-list.tsx';
import { TimelinePlot } from './timeline-plot.tsx';
import { timelineText } from './timeline-text.ts';
import type { Timeline } from './timeline-scale.ts';
import './clocks.css';

/** The panel's width in CSS pixels, followed as it changes: the picture is drawn at that width (its viewBox). */
function useWidth(fallback: number): [(element: HTMLDivElement | null) => void, number] {
  const [width, setWidth] = useState(fallback);
  const observer = useRef<ResizeObserver | null>(null);
  const attach = useCallback((element: HTMLDivElement | null) => {
    observer.current?.disconnect();
    if (!element) return;
    observer.current = new ResizeObserver(([entry]) => {
      if (entry && entry.contentRect.width > 0) setWidth(Math.round(entry.contentRect.width));
    });
    observer.current.observe(element);
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);
  return [attach, width];
}

/** The incident as a picture a communicator would rather look at than read, and the same as a list. */
export function TimelinePanel({ incidentId, revision }: { incidentId: string; revision: string }) {
  const t = useText(timelineText);
  const timeline = useResource<Timeline>(`/api/admin/incidents/${encodeURIComponent(incidentId)}/timeline`);
  const now = useNow(30_000);
  const [attach, width] = useWidth(960);
  const [selected, setSelected] = useState<string | null>(null);
  const language = useLanguage();
  // The line under the picture repeats the mark last pointed at, in the language it was read in.
  useEffect(() => setSelected(null), [language]);

  const seen = useRef(revision);
  useEffect(() => {
    if (revision === seen.current) return;
    seen.current = revision;
    void timeline.reload();
  }, [revision]);

  // A silence of no time at all (an incident opened with its first message) is not one.
  const data = timeline.data && { ...timeline.data, gaps: timeline.data.gaps.filter((gap) => gap.ongoing || gap.from !== gap.to) };
  return (
    <section class="card timeline-panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('title')}</h2>
      <p class="lead">{t('lead')}</p>
      <ErrorNotice error={timeline.error} onRetry={timeline.reload} />
      {!data ? (
        timeline.loading && <Loading />
      ) : data.events.length === 0 ? (
        <p class="empty">{t('empty')}</p>
      ) : (
        <>
          <TimelineSummary timeline={data} now={now} />
          <TimelineLegend timeline={data} />
          <div class="tl-frame" ref={attach}>
            <TimelinePlot timeline={data} now={Math.max(now, Date.parse(data.now))} width={width} onSelect={setSelected} />
          </div>
          <p class="tl-detail" aria-hidden="true">
            {selected ?? '\u00a0'}
          </p>
          <TimelineList timeline={data} now={now} />
        </>
      )}
    </section>
  );
}
