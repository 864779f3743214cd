import { useState } from 'preact/hooks';
import { api } from '../../api.ts';
import { formatRelative, useLanguage, useText } from '../../i18n.ts';
import { Button, ErrorNotice } from '../../ui/kit.tsx';
import { clocksText } from './clocks-text.ts';
import { formatWhen, type ClockAlert } from './clocks-types.ts';

/** The reminders and escalations nobody took in hand yet; one click tells everyone "I'm on it". */
export function PendingAlerts({ alerts, now, canAcknowledge, onChange }: { alerts: ClockAlert[]; now: number; canAcknowledge: boolean; onChange: () => void }) {
  const t = useText(clocksText);
  const language = useLanguage();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (alerts.length === 0) return null;
  const acknowledge = async (id: string) => {
    setBusy(id);
    setError(null);
    try {
      await api.post(`/api/admin/alerts/${encodeURIComponent(id)}/acknowledge`);
      onChange();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section class="clock-alerts" aria-labelledby="clock-alerts-heading">
      <h3 id="clock-alerts-heading">{t('alerts')}</h3>
      <ErrorNotice error={error} />
      <ul>
        {alerts.map((alert) => {
          const what = t('alertLine', { step: t(`alert_${alert.step}`), clock: t(alert.clock).toLowerCase(), time: formatWhen(alert.due_at, now, language) });
          return (
            <li key={alert.id} class={`clock-alert clock-alert-${alert.step}`}>
              <p>
                <strong>{what}</strong>
                <span class="meta-inline">
                  {' · '}
                  {formatRelative(alert.raised_at, now, language)}
                  {alert.to_me && <> · {t('alertToMe')}</>}
                </span>
              </p>
              {canAcknowledge && (
                <Button busy={busy === alert.id} onClick={() => void acknowledge(alert.id)} aria-label={t('acknowledgeLabel', { what })}>
                  {t('acknowledge')}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
