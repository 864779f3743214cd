import type uPlot from 'uplot';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNumber, useLanguage, useText, type Language } from '../../i18n.ts';
import { deliveryText } from './delivery-text.ts';
import 'uplot/dist/uPlot.min.css';

/** The counts at one moment of the stream (server time, ms). */
export interface Sample {
  at: number;
  sent: number;
  failed: number;
  pending: number;
}

const height = 200;
const series = ['sent', 'failed', 'pending'] as const;
// Each line has its own dash as well as its color: the color is never the only cue.
const looks = { sent: { color: '--ok', dash: [] }, failed: { color: '--critical', dash: [8, 4] }, pending: { color: '--muted', dash: [2, 4] } } as const;

function columns(samples: Sample[]): uPlot.AlignedData {
  return [samples.map((s) => s.at / 1000), samples.map((s) => s.sent), samples.map((s) => s.failed), samples.map((s) => s.pending)];
}

/** Moments where a count moved, and the latest: what the table alternative lists. */
function changes(samples: Sample[]): Sample[] {
  return samples.filter((s, i) => i === 0 || i === samples.length - 1 || series.some((key) => s[key] !== samples[i - 1]![key]));
}

/**
 * Sent, failed and waiting over time, drawn by uPlot (a small canvas chart, loaded with this panel
 * only) in the page's colors, light or dark; the same figures as a table for screen readers.
 */
export function DeliveryChart({ samples }: { samples: Sample[] }) {
  const t = useText(deliveryText);
  const language = useLanguage();
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef(samples);
  latest.current = samples;
  const [dark, setDark] = useState(() => matchMedia('(prefers-color-scheme: dark)').matches);
  // Without the chart's code (offline mid-incident), the table below still tells it all.
  const [failed, setFailed] = useState(false);
  const enough = samples.length >= 2 && !failed;

  useEffect(() => {
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    const changed = () => setDark(scheme.matches);
    scheme.addEventListener('change', changed);
    return () => scheme.removeEventListener('change', changed);
  }, []);

  useEffect(() => {
    const element = box.current;
    if (!element || !enough) return;
    let cancelled = false;
    let resize: ResizeObserver | undefined;
    import('uplot').then(({ default: UPlot }) => {
      if (cancelled) return;
      const css = getComputedStyle(document.documentElement);
      const color = (name: string) => css.getPropertyValue(name).trim();
      const axis = { stroke: color('--muted'), grid: { stroke: color('--border'), width: 1 }, ticks: { stroke: color('--border'), width: 1 }, font: '12px system-ui, sans-serif' };
      plot.current = new UPlot(
        {
          width: element.clientWidth || 600,
          height,
          legend: { show: false },
          cursor: { show: false },
          scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
          series: [{}, ...series.map((key) => ({ label: t(key), stroke: color(looks[key].color), width: 2, dash: [...looks[key].dash], points: { show: false } }))],
          axes: [
            { ...axis, space: 90, incrs: timeSteps, values: (_u, splits, _axis, _space, step) => splits.map((seconds) => clock(seconds, language, step < 60)) },
            { ...axis, size: 48, values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? formatNumber(v, language) : '')) },
          ],
        },
        columns(latest.current),
        element,
      );
      resize = new ResizeObserver(() => plot.current?.setSize({ width: element.clientWidth, height }));
      resize.observe(element);
    }, () => setFailed(true));
    return () => {
      cancelled = true;
      resize?.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [language, dark, enough]);

  useEffect(() => {
    if (enough) plot.current?.setData(columns(samples));
  }, [samples]);

  const rows = changes(samples).slice(-30);
  return (
    <figure class="delivery-chart">
      <figcaption>{t('overTime')}</figcaption>
      {enough && (
        <>
          <div ref={box} class="delivery-plot" role="img" aria-label={t('chartLabel')} />
          <ul class="delivery-legend" aria-hidden="true">
            {series.map((key) => (
              <li key={key} class={`delivery-legend-${key}`}>
                {t(key)}
              </li>
            ))}
          </ul>
        </>
      )}
      <details class="delivery-table">
        <summary>{t('showTable')}</summary>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('timeCol')}</th>
              {series.map((key) => (
                <th key={key} scope="col" class="num">
                  {t(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((sample, i) => (
              <tr key={`${sample.at}-${i}`}>
                <td>{clock(sample.at / 1000, language)}</td>
                {series.map((key) => (
                  <td key={key} class="num">
                    {formatNumber(sample[key], language)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** Tick steps of the time axis, in seconds: never less than a second (the stream's pace). */
const timeSteps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21_600, 43_200, 86_400];

function clock(seconds: number, language: Language, withSeconds = true): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit', ...(withSeconds ? { second: '2-digit' } : {}) }).format(seconds * 1000);
}
