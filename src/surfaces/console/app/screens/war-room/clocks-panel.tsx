import { useEffect, useRef, useState } from 'preact/hooks';
import { useLanguage, useText } from '../../i18n.ts';
import { useCan } from '../../session.ts';
import type { Incident } from '../../types.ts';
import { ErrorNotice, Loading } from '../../ui/kit.tsx';
import { useNow, useResource } from '../../use-resource.ts';
import { PendingAlerts } from './clocks-alerts.tsx';
import { CommunicationClockCard, FirstMessageSent } from './clocks-communication.tsx';
import { LegalDeadlines } from './clocks-legal.tsx';
import { PostponeDialog, type Postponed } from './clocks-postpone.tsx';
import { clocksText } from './clocks-text.ts';
import { clockTone, formatWhen, type ClockAlert, type CommunicationClocks, type IncidentRegulatory } from './clocks-types.ts';
import './clocks.css';

/**
 * The clocks a communicator must never lose sight of: the first message while the incident is
 * inside the crisis cell, the next update, the reminders raised, and the legal deadlines.
 */
export function ClocksPanel({ incident, revision }: { incident: Incident; revision: string }) {
  const t = useText(clocksText);
  const language = useLanguage();
  const can = useCan();
  const now = useNow();
  const base = `/api/admin/incidents/${encodeURIComponent(incident.id)}`;
  const clocks = useResource<CommunicationClocks>(`${base}/clocks`);
  const mayReadLegal = can('regulatory.read');
  const legal = useResource<IncidentRegulatory>(mayReadLegal ? `${base}/regulatory` : null);
  const alerts = useResource<{ alerts: ClockAlert[] }>('/api/admin/alerts?pending=true&limit=200');
  const [isPostponing, setPostponing] = useState(false);
  const [postponed, setPostponed] = useState<Postponed | null>(null);

  // Something moved in the incident (a publish, a promise, a filing, an alert): read the clocks again.
  const seen = useRef(`${revision}|${incident.version}`);
  useEffect(() => {
    const key = `${revision}|${incident.version}`;
    if (key === seen.current) return;
    seen.current = key;
    void clocks.reload();
    void alerts.reload();
    if (mayReadLegal) void legal.reload();
  }, [revision, incident.version]);

  const isOpen = incident.status !== 'resolved' && incident.status !== 'postmortem';
  const all = clocks.data?.clocks ?? [];
  const running = all.filter((clock) => clock.status === 'running' || clock.status === 'overdue');
  const firstDone = all.find((clock) => clock.id === 'first_message' && (clock.status === 'met' || clock.status === 'late'));
  const mine = (alerts.data?.alerts ?? []).filter((alert) => alert.incident_id === incident.id);
  // Announced only when a clock changes state (due soon, late), never at each tick.
  const announcement = running
    .map((clock) => ({ clock, tone: clockTone(clock, now) }))
    .filter(({ tone }) => tone === 'soon' || tone === 'late')
    .map(({ clock, tone }) => t(tone === 'soon' ? 'announce_soon' : 'announce_late', { clock: t(clock.id), time: formatWhen(clock.due_at, now, language) }))
    .join(' ');
  const nextUpdate = running.find((clock) => clock.id === 'next_update');
  const mayPostpone = isOpen && can('incident.update') && nextUpdate?.promised === true && incident.next_update_at !== null;

  return (
    <section class="card clocks-panel" aria-labelledby="clocks-title">
      <h2 id="clocks-title">{t('title')}</h2>
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
      <ErrorNotice error={clocks.error} onRetry={clocks.reload} />
      {postponed && (
        <p class="notice notice-ok" role="status">
          {t('postponed', { time: formatWhen(postponed.postponed.to, now, language), text: postponed.update.bodies?.[language] ?? postponed.update.body })}
        </p>
      )}
      {clocks.loading && !clocks.data ? (
        <Loading />
      ) : (
        <div class="clock-grid">
          {running.map((clock) => (
            <CommunicationClockCard key={clock.id} clock={clock} incident={incident} now={now} onPostpone={clock.id === 'next_update' && mayPostpone ? () => setPostponing(true) : undefined} />
          ))}
          {clocks.data && running.length === 0 && !isOpen && <p class="meta">{t('closed')}</p>}
        </div>
      )}
      {firstDone && <FirstMessageSent clock={firstDone} now={now} />}
      <PendingAlerts alerts={mine} now={now} canAcknowledge={can('incident.update')} onChange={() => void alerts.reload()} />
      {mayReadLegal && (legal.data ? <LegalDeadlines deadlines={legal.data.deadlines} now={now} /> : <ErrorNotice error={legal.error} onRetry={legal.reload} />)}
      {nextUpdate && mayPostpone && (
        <PostponeDialog
          open={isPostponing}
          incidentId={incident.id}
          from={nextUpdate.due_at}
          onClose={() => setPostponing(false)}
          onDone={(result) => {
            setPostponing(false);
            setPostponed(result);
            void clocks.reload();
            void alerts.reload();
          }}
        />
      )}
    </section>
  );
}
