import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api.ts';
import { useText } from '../../i18n.ts';
import { useCan } from '../../session.ts';
import { Button, ErrorNotice, Loading } from '../../ui/kit.tsx';
import { useResource } from '../../use-resource.ts';
import { deliveryText } from './delivery-text.ts';

/** GET /api/admin/deliveries/dead-letters: a delivery that will not go without someone's action. */
interface DeadLetter {
  id: string;
  channel: string;
  address: string;
  state: 'failed' | 'dead';
  attempts: number;
  last_error: string | null;
  response: string | null;
}

/**
 * The deliveries of the message that were refused or given up on, with why, and a way to try
 * again: one by one, or every one given up on at once (a refusal is retried only when named).
 */
export function DeadLetters({ messageId, failed, onRetried }: { messageId: string; failed: number; onRetried: (count: number) => void }) {
  const t = useText(deliveryText);
  const can = useCan();
  const letters = useResource<{ deliveries: DeadLetter[] }>(`/api/admin/deliveries/dead-letters?message_id=${encodeURIComponent(messageId)}&limit=100`);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const seen = useRef(failed);
  useEffect(() => {
    if (seen.current === failed) return;
    seen.current = failed;
    void letters.reload();
  }, [failed]);

  const retry = async (path: string, key: string) => {
    setBusy(key);
    setError(null);
    try {
      const { retried } = await api.post<{ retried: number }>(path);
      await letters.reload();
      onRetried(retried);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  const deliveries = letters.data?.deliveries ?? [];
  const canRetry = can('delivery.retry');
  return (
    <section class="delivery-dead" aria-labelledby="delivery-dead-title">
      <h4 id="delivery-dead-title">{t('deadTitle')}</h4>
      <p class="hint">{t('deadIntro')}</p>
      <ErrorNotice error={letters.error ?? error} />
      {letters.loading && deliveries.length === 0 ? (
        <Loading />
      ) : (
        deliveries.length > 0 && (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('recipientCol')}</th>
                <th scope="col">{t('channelCol')}</th>
                <th scope="col">{t('whyCol')}</th>
                {canRetry && <th scope="col">{t('actionCol')}</th>}
              </tr>
            </thead>
            <tbody>
              {deliveries.map((letter) => (
                <tr key={letter.id}>
                  <td class="delivery-address">{letter.address}</td>
                  <td>{t(`channel_${letter.channel}` as 'channel_email')}</td>
                  <td>
                    <strong>{letter.state === 'dead' ? t('state_dead', { count: letter.attempts }) : t('state_failed')}</strong>
                    <span class="delivery-error">{letter.last_error ?? letter.response ?? t('noReason')}</span>
                  </td>
                  {canRetry && (
                    <td>
                      <Button busy={busy === letter.id} disabled={busy !== null} aria-label={t('retryLabel', { recipient: letter.address })} onClick={() => void retry(`/api/admin/deliveries/${letter.id}/retry`, letter.id)}>
                        {t('retry')}
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )
      )}
      {canRetry && deliveries.some((letter) => letter.state === 'dead') && (
        <Button busy={busy === 'all'} disabled={busy !== null} onClick={() => void retry(`/api/admin/messages/${messageId}/deliveries/retry`, 'all')}>
          {t('retryAll')}
        </Button>
      )}
    </section>
  );
}
