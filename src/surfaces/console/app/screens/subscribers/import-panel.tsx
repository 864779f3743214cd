import { useState } from 'preact/hooks';
import { formatNumber, useLanguage, useText } from '../../i18n.ts';
import { Checkbox, useAction } from '../../ui/back-office.tsx';
import { Button, ErrorNotice, Field } from '../../ui/kit.tsx';
import { estimateRows, importSubscribers, type ImportProgress, type ImportReport } from './import-stream.ts';
import { subscribersText } from './text.ts';

const maxListed = 1_000;

/** Imports a CSV into a page: a progress bar while the rows go in, then what was added and what was refused, and why. */
export function ImportPanel({ pageId, onImported }: { pageId: string; onImported: () => void }) {
  const t = useText(subscribersText);
  const language = useLanguage();
  const [file, setFile] = useState<File | null>(null);
  const [consent, setConsent] = useState(false);
  const [missing, setMissing] = useState<'file' | 'consent' | null>(null);
  const [total, setTotal] = useState(0);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const action = useAction();

  async function submit(event: Event) {
    event.preventDefault();
    if (!file) return setMissing('file');
    if (!consent) return setMissing('consent');
    setMissing(null);
    setReport(null);
    setProgress({ rows: 0, imported: 0, existing: 0, rejected: 0 });
    setTotal(await estimateRows(file));
    const done = await action.run(async () => {
      const result = await importSubscribers(pageId, file, setProgress);
      setProgress(result);
      setReport(result);
    });
    if (!done) setProgress(null);
    onImported();
  }

  const running = action.busy;
  const percent = report ? 100 : progress && total > 0 ? Math.min(99, Math.round((progress.rows / total) * 100)) : 0;
  const fileError = missing === 'file' ? t('chooseFile') : undefined;
  const consentError = missing === 'consent' ? t('consentFirst') : undefined;
  return (
    <section class="card" aria-labelledby="import-title">
      <h2 id="import-title">{t('importTitle')}</h2>
      <p class="hint">{t('importLead')}</p>
      <form onSubmit={submit} noValidate class="import-form">
        <Field id="import-file" label={t('file')} error={fileError}>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? 'import-file-error' : undefined}
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
        </Field>
        <Checkbox id="import-consent" label={t('importConsent')} checked={consent} onChange={setConsent} error={consentError} />
        <Button type="submit" variant="primary" busy={running}>
          {running ? t('importing') : t('importButton')}
        </Button>
      </form>
      {progress && (
        <div class="import-progress">
          <label for="import-progress">{t('progressLabel')}</label>
          <progress id="import-progress" max={100} value={percent} aria-valuetext={`${percent} %`} />
          <p class="meta" role="status">
            {report ? t('progressDone', { rows: formatNumber(report.rows, language) }) : t('progress', { rows: formatNumber(progress.rows, language), total: formatNumber(total, language) })}
          </p>
        </div>
      )}
      <ErrorNotice error={action.error} />
      {report && <ImportReportView report={report} />}
    </section>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  const t = useText(subscribersText);
  const language = useLanguage();
  return (
    <section class="import-report" aria-labelledby="import-report-title">
      <h3 id="import-report-title">{t('reportTitle')}</h3>
      <dl class="bo-figures">
        <div>
          <dt>{t('imported')}</dt>
          <dd>{formatNumber(report.imported, language)}</dd>
        </div>
        <div>
          <dt>{t('existing')}</dt>
          <dd>{formatNumber(report.existing, language)}</dd>
        </div>
        <div class={report.rejected > 0 ? 'figure-warn' : undefined}>
          <dt>{t('rejected')}</dt>
          <dd>{formatNumber(report.rejected, language)}</dd>
        </div>
      </dl>
      {report.errors.length > 0 && (
        <>
          <table class="table rejected-rows">
            <caption>{t('rejectedTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('row')}</th>
                <th scope="col">{t('reason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((error) => (
                <tr key={error.row}>
                  <td>{error.row}</td>
                  <td>{error.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.rejected > report.errors.length && <p class="meta">{t('moreRejected', { count: maxListed })}</p>}
        </>
      )}
    </section>
  );
}
