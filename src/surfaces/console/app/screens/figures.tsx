import { useState } from 'preact/hooks';
import type { MonthFigures } from '../../../../domain/reports/figures.ts';
import { formatNumber, useLanguage, useText } from '../i18n.ts';
import { useCan } from '../session.ts';
import { useResource } from '../use-resource.ts';
import { NotAllowed } from '../ui/back-office.tsx';
import { Button, ErrorNotice, Loading, PageHeader } from '../ui/kit.tsx';
import { BarPlot } from './figures/bar-plot.tsx';
import { figuresText } from './figures/text.ts';
import './figures/figures.css';

interface FiguresView {
  from: string;
  to: string;
  time_zone: string;
  months: MonthFigures[];
}

/** Workspace figures per month: time to first message, punctuality, delivery success, as plots with the table beside. */
export function Figures() {
  const t = useText(figuresText);
  const language = useLanguage();
  const can = useCan();
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [draft, setDraft] = useState({ from: '', to: '' });
  const query = range ? `?from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}` : '';
  const figures = useResource<FiguresView>(can('report.read') ? `/api/admin/reports/figures${query}` : null);
  if (!can('report.read')) {
    return (
      <section class="page">
        <PageHeader title={t('title')} />
        <NotAllowed />
      </section>
    );
  }
  const data = figures.data;
  const months = data?.months ?? [];
  const value = (n: number | null, unit = '') => (n === null ? t('none') : `${formatNumber(n, language)}${unit}`);
  const maxMinutes = Math.max(0, ...months.map((m) => m.first_message.p90_minutes ?? 0));
  return (
    <section class="page figures-page">
      <PageHeader title={t('title')} />
      <p class="hint">{t('intro')}{data ? ` (${data.time_zone})` : ''}</p>
      <form
        class="figures-range"
        onSubmit={(e) => {
          e.preventDefault();
          setRange({ from: draft.from || (data?.from ?? ''), to: draft.to || (data?.to ?? '') });
        }}
      >
        <div class="field">
          <label for="figures-from">{t('from')}</label>
          <input id="figures-from" type="month" value={draft.from || data?.from || ''} onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="figures-to">{t('to')}</label>
          <input id="figures-to" type="month" value={draft.to || data?.to || ''} onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
        </div>
        <Button type="submit">{t('show')}</Button>
      </form>
      <ErrorNotice error={figures.error} onRetry={() => void figures.reload()} />
      {!data && !figures.error && <Loading />}
      {data && (
        <>
          <div class="figures-plots">
            <BarPlot
              title={t('firstMessage')}
              months={months.map((m) => m.month)}
              max={maxMinutes}
              series={[
                { name: t('median'), values: months.map((m) => m.first_message.median_minutes), tone: 'figures-a' },
                { name: t('p90'), values: months.map((m) => m.first_message.p90_minutes), tone: 'figures-b' },
              ]}
            />
            <BarPlot title={t('punctuality')} months={months.map((m) => m.month)} max={100} series={[{ name: t('onTime'), values: months.map((m) => m.punctuality.percent), tone: 'figures-a' }]} />
            <BarPlot title={t('delivery')} months={months.map((m) => m.month)} max={100} series={[{ name: t('success'), values: months.map((m) => m.delivery.success_percent), tone: 'figures-a' }]} />
          </div>
          <table class="figures-table">
            <caption>{t('table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('month')}</th>
                <th scope="col">{t('incidents')}</th>
                <th scope="col">{t('median')}</th>
                <th scope="col">{t('p90')}</th>
                <th scope="col">{t('onTime')}</th>
                <th scope="col">{t('success')}</th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{m.month}</th>
                  <td>{m.incidents}</td>
                  <td>{m.first_message.median_minutes === null ? t('none') : t('minutes', { n: m.first_message.median_minutes })}</td>
                  <td>{m.first_message.p90_minutes === null ? t('none') : t('minutes', { n: m.first_message.p90_minutes })}</td>
                  <td>{value(m.punctuality.percent, ' %')}</td>
                  <td>{value(m.delivery.success_percent, ' %')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
