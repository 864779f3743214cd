import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { api } from '../../api.ts';
import { formatDateTime, formatNumber, useLanguage, useText } from '../../i18n.ts';
import { Button, ErrorNotice, Field, Pill } from '../../ui/kit.tsx';
import { exportEligible } from './export-csv.ts';
import type { ComponentSummary, Gesture } from './model.ts';
import { compensationText } from './text.ts';

const stateTone = { draft: 'muted', announcing: 'info', announced: 'minor', delivering: 'minor', delivered: 'ok', cancelled: 'muted' } as const;
const promiseTone = { pending: 'info', overdue: 'major', kept: 'ok', broken: 'critical', dropped: 'muted', postponed: 'minor' } as const;

/** One gesture: what it offers, to whom, its promise, and the next step it allows. */
export function GestureCard({ gesture, components, canExport, onChanged }: { gesture: Gesture; components: ComponentSummary[]; canExport: boolean; onChanged: () => void }) {
  const t = useText(compensationText);
  const language = useLanguage();
  const { route } = useLocation();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [progress, setProgress] = useState<{ done: number; total: number; finished: boolean } | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const path = `/api/admin/incidents/${encodeURIComponent(gesture.incident_id)}/compensation/${encodeURIComponent(gesture.id)}`;
  const headingId = `gesture-${gesture.id}`;

  async function step(action: string, run: () => Promise<unknown>) {
    setBusy(action);
    setError(null);
    try {
      await run();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }
  const announce = () =>
    step('announce', async () => {
      const announced = await api.post<Gesture>(`${path}/announce`, {}, { ifMatch: gesture.version });
      route(`/incidents/${encodeURIComponent(gesture.incident_id)}/messages/${encodeURIComponent(announced.message_id ?? '')}`);
    });
  const advance = (to: 'delivering' | 'delivered') =>
    step(to, async () => {
      await api.post(`${path}/${to}`, {}, { ifMatch: gesture.version });
      onChanged();
    });
  const cancel = (event: Event) => {
    event.preventDefault();
    void step('cancel', async () => {
      await api.post(`${path}/cancel`, reason.trim() ? { reason } : {}, { ifMatch: gesture.version });
      setCancelling(false);
      onChanged();
    });
  };
  const download = () =>
    step('export', async () => {
      const total = await exportEligible(`${path}/eligible.csv`, `compensation-${gesture.id}.csv`, (done, all) => setProgress({ done, total: all, finished: false }));
      setProgress({ done: total, total, finished: true });
    });

  const names = gesture.component_ids.map((id) => components.find((c) => c.id === id)?.name ?? id);
  const who = [names.length > 0 ? names.join(', ') : t('anyComponent'), gesture.segments.length > 0 ? gesture.segments.join(', ') : t('anySegment')].join(' · ');
  const promiseState = gesture.promise ? (gesture.promise.overdue ? 'overdue' : gesture.promise.state) : null;
  const percent = progress ? (progress.total === 0 ? 100 : Math.min(100, Math.round((progress.done / progress.total) * 100))) : 0;

  return (
    <li class="gesture" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span>{capitalized(gesture.offer[language])}</span>
        <Pill tone={stateTone[gesture.state]}>{t(`state_${gesture.state}`)}</Pill>
      </h3>
      <dl>
        <dt>{t('eligibility')}</dt>
        <dd>{who}</dd>
        <dt>{t('dueAt')}</dt>
        <dd>{gesture.due_at ? formatDateTime(gesture.due_at, language) : t('noDue')}</dd>
        <dt>{t('promise')}</dt>
        <dd>
          {promiseState ? <Pill tone={promiseTone[promiseState as keyof typeof promiseTone] ?? 'info'}>{t(`promise_${promiseState as keyof typeof promiseTone}`)}</Pill> : t('promise_none')}
          {gesture.promise?.state_reason && <span class="meta"> — {gesture.promise.state_reason}</span>}
        </dd>
      </dl>
      <div class="gesture-actions">
        {gesture.state === 'draft' && (
          <Button variant="primary" busy={busy === 'announce'} onClick={announce}>
            {t('announce')}
          </Button>
        )}
        {gesture.message_id && gesture.state !== 'draft' && (
          <a class="btn btn-secondary" href={`/incidents/${encodeURIComponent(gesture.incident_id)}/messages/${encodeURIComponent(gesture.message_id)}`}>
            {t('openAnnouncement')}
          </a>
        )}
        {gesture.state === 'announced' && (
          <Button busy={busy === 'delivering'} onClick={() => advance('delivering')}>
            {t('startDelivery')}
          </Button>
        )}
        {(gesture.state === 'announced' || gesture.state === 'delivering') && (
          <Button variant="primary" busy={busy === 'delivered'} onClick={() => advance('delivered')}>
            {t('delivered')}
          </Button>
        )}
        {canExport && gesture.state !== 'cancelled' && (
          <Button busy={busy === 'export'} onClick={download}>
            {t('export')}
          </Button>
        )}
        {gesture.state !== 'delivered' && gesture.state !== 'cancelled' && !cancelling && (
          <Button variant="quiet" onClick={() => setCancelling(true)}>
            {t('cancel')}
          </Button>
        )}
      </div>
      {cancelling && (
        <form class="cancel-form" onSubmit={cancel}>
          <Field id={`cancel-reason-${gesture.id}`} label={t('cancelReason')}>
            <input id={`cancel-reason-${gesture.id}`} value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
          </Field>
          <Button type="submit" variant="danger" busy={busy === 'cancel'}>
            {t('cancelConfirm')}
          </Button>
        </form>
      )}
      {progress && (
        <div class="gesture-export">
          <label for={`export-${gesture.id}`}>{t('exportProgress')}</label>
          <progress id={`export-${gesture.id}`} max={100} value={percent} aria-valuetext={`${percent} %`} />
          <p role="status" aria-live="polite">
            {progress.finished ? t('exported', { total: formatNumber(progress.total, language) }) : t('exporting', { done: formatNumber(progress.done, language), total: formatNumber(progress.total, language) })}
          </p>
        </div>
      )}
      <ErrorNotice error={error} />
    </li>
  );
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
