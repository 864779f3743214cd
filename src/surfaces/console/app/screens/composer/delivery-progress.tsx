import { useEffect, useRef, useState } from 'preact/hooks';
import { api, serverNow, subscribe } from '../../api.ts';
import { formatNumber, useLanguage, useText, type Language } from '../../i18n.ts';
import { ErrorNotice, Loading } from '../../ui/kit.tsx';
import { DeliveryChart, type Sample } from './delivery-chart.tsx';
import { DeadLetters } from './delivery-dead-letters.tsx';
import { deliveryText } from './delivery-text.ts';
import './delivery.css';

type StateCounts = Record<'pending' | 'sending' | 'sent' | 'failed' | 'dead' | 'cancelled', number>;

/** GET /api/admin/messages/{id}/deliveries, and each `progress` event of its stream. */
export interface Progress {
  message_id: string;
  total: number;
  settled: number;
  percent: number;
  by_channel: Record<string, StateCounts>;
  first_sent_at: string | null;
  last_sent_at: string | null;
}

/** What a person reads of a channel's deliveries: sent, failed (refused or given up), waiting. */
function summary(counts: StateCounts) {
  return { sent: counts.sent, failed: counts.failed + counts.dead, pending: counts.pending + counts.sending, cancelled: counts.cancelled };
}

export function percentText(percent: number, language: Language): string {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(percent / 100);
}

/**
 * Live delivery progress of a published message, fed by the server's event stream until every
 * delivery is settled: a bar per channel, the counts over time, and what could not be delivered.
 */
export function DeliveryProgress({ messageId }: { messageId: string }) {
  const t = useText(deliveryText);
  const language = useLanguage();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [samples, setSamples] = useState<Sample[]>([]);
  const [error, setError] = useState<unknown>(null);
  // Bumped after a retry: the stream ended when everything was settled, and has news again.
  const [round, setRound] = useState(0);
  const [retried, setRetried] = useState<number | null>(null);
  // The server's time when the panel opened, then a steady clock: each answer re-reads the
  // server's time, and the chart's time must never run backwards.
  const clock = useRef({ server: serverNow(), local: performance.now() });

  useEffect(() => {
    const path = `/api/admin/messages/${messageId}/deliveries`;
    let closed = false;
    let stop = () => {};
    const take = (next: Progress) => {
      if (closed) return;
      setProgress(next);
      const totals = Object.values(next.by_channel).map(summary);
      const sum = (key: 'sent' | 'failed' | 'pending') => totals.reduce((n, counts) => n + counts[key], 0);
      setSamples((all) => [...all, { at: clock.current.server + performance.now() - clock.current.local, sent: sum('sent'), failed: sum('failed'), pending: sum('pending') }].slice(-600));
      // The server ends the stream once all is settled; closing here keeps the browser from reopening it.
      if (next.settled >= next.total) stop();
    };
    api
      .get<Progress>(path)
      .then((first) => {
        take(first);
        if (!closed && first.settled < first.total) stop = subscribe(path, (_name, data) => take(data as Progress), ['progress']);
      })
      .catch((caught: unknown) => !closed && setError(caught));
    return () => {
      closed = true;
      stop();
    };
  }, [messageId, round]);

  if (error) return <ErrorNotice error={error} onRetry={() => (setError(null), setRound((r) => r + 1))} />;
  if (!progress) return <Loading />;
  const channels = Object.entries(progress.by_channel);
  const failed = channels.reduce((n, [, counts]) => n + summary(counts).failed, 0);
  const sent = channels.reduce((n, [, counts]) => n + counts.sent, 0);
  const done = progress.settled >= progress.total;
  return (
    <section class="delivery stack" aria-labelledby="delivery-title" data-percent={progress.percent} data-samples={samples.length}>
      <header class="delivery-head">
        <h3 id="delivery-title">{t('title')}</h3>
        {!done && <span class="delivery-live">{t('live')}</span>}
      </header>
      {progress.total === 0 ? (
        <p>{t('nothing')}</p>
      ) : (
        <>
          <p class="delivery-headline">
            <strong>{t('headline', { count: sent, sent: formatNumber(sent, language), total: formatNumber(progress.total, language) })}</strong>
            {' — '}
            {t('percentDone', { percent: percentText(progress.percent, language) })}
          </p>
          <ul class="delivery-channels">
            {channels.map(([channel, counts]) => (
              <ChannelBar key={channel} channel={channel} counts={counts} />
            ))}
          </ul>
          <DeliveryChart samples={samples} />
        </>
      )}
      <p class="visually-hidden" role="status">
        {done && progress.total > 0 ? (failed > 0 ? t('doneWithFailures', { count: failed }) : t('allDone')) : ''}
      </p>
      {done && progress.total > 0 && <p class={failed > 0 ? 'notice notice-warn' : 'notice notice-ok'}>{failed > 0 ? t('doneWithFailures', { count: failed }) : t('allDone')}</p>}
      {retried !== null && !done && (
        <p class="notice notice-ok" role="status">
          {t('retried', { count: retried })}
        </p>
      )}
      {failed > 0 && (
        <DeadLetters
          messageId={messageId}
          failed={failed}
          onRetried={(count) => {
            setRetried(count);
            setRound((r) => r + 1);
          }}
        />
      )}
    </section>
  );
}

function ChannelBar({ channel, counts }: { channel: string; counts: StateCounts }) {
  const t = useText(deliveryText);
  const language = useLanguage();
  const { sent, failed, pending, cancelled } = summary(counts);
  const total = sent + failed + pending + cancelled;
  const percent = total === 0 ? 100 : Math.floor(((total - pending) / total) * 1000) / 10;
  const share = (n: number) => `${total === 0 ? 0 : (n / total) * 100}%`;
  const name = t(`channel_${channel}` as 'channel_email');
  const n = (value: number) => formatNumber(value, language);
  return (
    <li class="delivery-channel">
      <div class="delivery-channel-head">
        <span id={`delivery-${channel}`} class="delivery-channel-name">
          {name}
        </span>
        <span class="delivery-channel-percent">{percentText(percent, language)}</span>
      </div>
      <div
        class="delivery-bar"
        role="progressbar"
        aria-labelledby={`delivery-${channel}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t('progressOf', { channel: name, percent: percentText(percent, language) })}
      >
        <span class="delivery-bar-sent" style={{ width: share(sent) }} />
        <span class="delivery-bar-failed" style={{ width: share(failed) }} />
        <span class="delivery-bar-cancelled" style={{ width: share(cancelled) }} />
      </div>
      <p class="meta">
        {t('channelLine', { sent: n(sent), failed: n(failed), pending: n(pending) })}
        {cancelled > 0 && <> · {t('skipped', { count: cancelled })}</>}
      </p>
    </li>
  );
}
