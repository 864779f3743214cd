import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { reportStyle } from '../../../../domain/reports/style.ts';
import { useLanguage, useText } from '../i18n.ts';
import { useCan } from '../session.ts';
import { useResource } from '../use-resource.ts';
import { NotAllowed } from '../ui/back-office.tsx';
import { ErrorNotice, Loading, PageHeader } from '../ui/kit.tsx';
import { LessonsEditor } from './report/lessons-editor.tsx';
import { reportText } from './report/text.ts';
import './report/report.css';

interface ReportJson {
  title: string;
  html: string;
}

/** The post-crisis report of an incident: read it internal or public, in French or English, download it, write its lessons. */
export function IncidentReport() {
  const t = useText(reportText);
  const can = useCan();
  const { params } = useRoute();
  const id = params.id ?? '';
  const [version, setVersion] = useState<'internal' | 'public'>('internal');
  const [language, setLanguage] = useState<'fr' | 'en'>(useLanguage());
  const base = `/api/admin/incidents/${encodeURIComponent(id)}/report?version=${version}&language=${language}`;
  const report = useResource<ReportJson>(can('report.read') ? `${base}&format=json` : null);
  if (!can('report.read')) {
    return (
      <section class="page">
        <PageHeader title={t('title')} />
        <NotAllowed />
      </section>
    );
  }
  return (
    <section class="page report-page">
      <PageHeader title={t('title')}>
        <a href={`/incidents/${encodeURIComponent(id)}`}>{t('back')}</a>
      </PageHeader>
      <div class="report-controls" role="group" aria-label={t('options')}>
        <fieldset>
          <legend>{t('version')}</legend>
          {(['internal', 'public'] as const).map((value) => (
            <label key={value}>
              <input type="radio" name="report-version" value={value} checked={version === value} onChange={() => setVersion(value)} /> {t(value)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('language')}</legend>
          {(['fr', 'en'] as const).map((value) => (
            <label key={value}>
              <input type="radio" name="report-language" value={value} checked={language === value} onChange={() => setLanguage(value)} /> {t(value)}
            </label>
          ))}
        </fieldset>
        <nav class="report-downloads" aria-label={t('download')}>
          <ul>
            <li><a href={`${base}&format=md`} download>{t('download')} — {t('downloadMd')}</a></li>
            <li><a href={`${base}&format=html`} download>{t('download')} — {t('downloadHtml')}</a></li>
            <li><a href={`${base}&format=pdf`} download>{t('download')} — {t('downloadPdf')}</a></li>
          </ul>
        </nav>
      </div>
      <style>{reportStyle}</style>
      <ErrorNotice error={report.error} onRetry={() => void report.reload()} />
      {!report.data && !report.error && <Loading />}
      {report.data && (
        // Built by the server from escaped Markdown (raw HTML off) and SVG it draws itself.
        <div class="report-paper" role="region" aria-label={t('reportRegion')} aria-busy={report.loading || undefined} dangerouslySetInnerHTML={{ __html: report.data.html }} />
      )}
      <LessonsEditor incidentId={id} canWrite={can('facts.edit')} onSaved={() => void report.reload()} />
    </section>
  );
}
