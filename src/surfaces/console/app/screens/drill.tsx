import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { api } from '../api.ts';
import { formatNumber, formatTime, useLanguage, useText } from '../i18n.ts';
import { useCan } from '../session.ts';
import { ConfirmDialog, useAction } from '../ui/back-office.tsx';
import { Button, ErrorNotice, Loading, PageHeader, Pill } from '../ui/kit.tsx';
import { useResource } from '../use-resource.ts';
import type { Drill as DrillView } from './drills/model.ts';
import { InjectList } from './drills/inject-list.tsx';
import { ScoreCard } from './drills/score-card.tsx';
import { drillsText, drillText } from './drills/text.ts';
import './drills/drills.css';

/** Between two reads of a running drill: its clock, injects and sink counter move on. */
const refreshEveryMs = 5_000;

/** One drill: its clock, the injects received, the sink counter, joining, finishing, the score and the report. */
export function Drill(_props: { params?: Record<string, string> }) {
  const { params } = useRoute();
  const id = params.id ?? '';
  const t = useText(drillText);
  const states = useText(drillsText);
  const language = useLanguage();
  const can = useCan();
  const drill = useResource<DrillView>(`/api/admin/drills/${encodeURIComponent(id)}`);
  const join = useAction();
  const [finishing, setFinishing] = useState(false);
  const running = drill.data?.state === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void drill.reload(), refreshEveryMs);
    return () => clearInterval(timer);
  }, [running, drill.reload]);

  if (!drill.data) {
    return (
      <section class="page drill">
        <PageHeader title={states('title')} />
        <ErrorNotice error={drill.error} onRetry={drill.reload} />
        {drill.loading && <Loading />}
      </section>
    );
  }
  const data = drill.data;
  const base = `/api/admin/drills/${encodeURIComponent(data.id)}`;
  return (
    <section class="page drill">
      <p>
        <a href="/drills">{t('back')}</a>
      </p>
      <PageHeader title={data.scenario.title[language]}>
        <Pill tone={data.state === 'running' ? 'major' : data.state === 'finished' ? 'ok' : 'muted'}>{states(`state_${data.state}`)}</Pill>
        {data.state !== 'finished' && (
          <Button variant="primary" busy={join.busy} onClick={() => void join.run(async () => {
            await api.post(`${base}/join`);
            // The session cookie now names the sandbox: a fresh load brings the console there.
            window.location.assign('/');
          })}>
            {t('join')}
          </Button>
        )}
        {running && can('drill.run') && (
          <Button variant="danger" onClick={() => setFinishing(true)}>
            {t('finish')}
          </Button>
        )}
      </PageHeader>
      <ErrorNotice error={join.error} />
      <div class="drill-layout">
        <div class="drill-stack">
          {data.score && <ScoreCard score={data.score} />}
          {data.score && (
            <section class="card" aria-labelledby="drill-report-title">
              <h2 id="drill-report-title">{t('report')}</h2>
              <p class="row">
                <a class="btn" href={`${base}/report?format=html&lang=${language}`} target="_blank" rel="noopener">{t('reportHtml')}</a>
                <a class="btn" href={`${base}/report?format=md&lang=${language}`}>{t('reportMd')}</a>
                <a class="btn" href={`${base}/report?format=pdf&lang=${language}`}>{t('reportPdf')}</a>
              </p>
            </section>
          )}
          <section class="card" aria-labelledby="drill-injects-title">
            <h2 id="drill-injects-title">
              {t('injects')} <span class="meta">({t('injectsProgress', { delivered: data.injects.length, total: data.injects_total })})</span>
            </h2>
            {data.injects.length === 0 ? <p class="empty">{t('noInjects')}</p> : <InjectList injects={data.injects} showExpected={data.state === 'finished'} />}
          </section>
        </div>
        <div class="drill-stack">
          <div class="card">
            {data.drill_time ? (
              <p class="drill-clock">{t('clock', { time: formatTime(data.drill_time, language), minute: data.drill_minutes, speed: data.speed })}</p>
            ) : (
              <p class="drill-clock">{t('notStarted')}</p>
            )}
            <p class="drill-sink" aria-live="polite">{t('sink', { count: formatNumber(data.sink_count, language) })}</p>
            <p class="hint">{t('sinkHint')}</p>
            {data.state !== 'finished' && <p class="hint">{t('joinHint')}</p>}
          </div>
        </div>
      </div>
      {finishing && (
        <ConfirmDialog title={t('finishTitle')} confirmLabel={t('finish')} onClose={() => setFinishing(false)} onConfirm={async () => {
          await api.post(`${base}/finish`);
          await drill.reload();
        }}>
          <p>{t('finishBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
