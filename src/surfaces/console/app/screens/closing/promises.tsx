import { useState } from 'preact/hooks';
import { ApiError, api } from '../../api.ts';
import { useLanguage, useText } from '../../i18n.ts';
import { useSession } from '../../session.ts';
import { Button, ErrorNotice, Field, Pill } from '../../ui/kit.tsx';
import { formatDue, type Blocker, type ClosingCheck, type PromiseKind } from './model.ts';
import { closingText } from './text.ts';

const kindKeys = { next_update: 'kindNextUpdate', compensation: 'kindCompensation', follow_up_report: 'kindFollowUpReport', other: 'kindOther' } as const satisfies Record<PromiseKind, string>;

/** The checklist of the promises that hold the public close back, each with its three ways out. */
export function PromisesChecklist({ incidentId, check, canEdit, onChanged }: { incidentId: string; check: ClosingCheck; canEdit: boolean; onChanged: () => void }) {
  const t = useText(closingText);
  const { blockers, follow_ups: followUps } = check;
  return (
    <section class="card closing-promises" aria-labelledby="closing-promises-title">
      <h2 id="closing-promises-title">{t('promisesTitle')}</h2>
      <p class="hint">{t('promisesLead')}</p>
      {check.can_close ? (
        <p class="notice notice-ok" role="status">{t('canClose')}</p>
      ) : (
        <p class="notice notice-warn" role="status">{blockers.length === 1 ? t('blockedOne') : t('blockedOther', { count: blockers.length })}</p>
      )}
      {blockers.length > 0 && (
        <ul class="closing-list">
          {blockers.map((promise) => (
            <PromiseRow key={promise.id} incidentId={incidentId} promise={promise} canEdit={canEdit} onChanged={onChanged} />
          ))}
        </ul>
      )}
      {check.next_update_promises_settled_by_close > 0 && <p class="hint">{t('settledByClose')}</p>}
      {followUps.length > 0 && (
        <>
          <h3>{t('followUpsTitle')}</h3>
          <p class="hint">{t('followUpsLead')}</p>
          <ul class="closing-list">
            {followUps.map((promise) => (
              <li key={promise.id} class="closing-promise">
                <PromiseSummary promise={promise} />
                {promise.follow_up?.note && <p class="meta">{promise.follow_up.note}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function PromiseSummary({ promise }: { promise: Blocker }) {
  const t = useText(closingText);
  const language = useLanguage();
  const { workspace } = useSession();
  return (
    <div class="closing-promise-summary">
      <p class="closing-promise-text">{promise.text}</p>
      <p class="meta">
        <Pill tone="info">{t(kindKeys[promise.promise_kind])}</Pill> {promise.due_at ? t('due', { when: formatDue(promise.due_at, language, workspace.time_zone) }) : t('noDue')}{' '}
        {promise.overdue && <Pill tone="major">{t('overdue')}</Pill>}
      </p>
    </div>
  );
}

function PromiseRow({ incidentId, promise, canEdit, onChanged }: { incidentId: string; promise: Blocker; canEdit: boolean; onChanged: () => void }) {
  const t = useText(closingText);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [dropping, setDropping] = useState(false);
  const [reason, setReason] = useState('');
  const base = `/api/admin/incidents/${encodeURIComponent(incidentId)}/promises/${encodeURIComponent(promise.id)}`;
  const reasonId = `closing-reason-${promise.id}`;

  async function act(action: 'keep' | 'follow-up' | 'drop', body: object = {}) {
    setBusy(true);
    setError(null);
    try {
      await api.post(`${base}/${action}`, body);
      onChanged();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }
  const reasonError = error instanceof ApiError ? error.errors.find((e) => e.pointer === '/reason')?.detail : undefined;

  return (
    <li class="closing-promise">
      <PromiseSummary promise={promise} />
      {canEdit && !dropping && (
        <div class="row closing-actions" role="group" aria-label={promise.text}>
          <Button busy={busy} onClick={() => act('keep')}>{t('keep')}</Button>
          {promise.promise_kind !== 'next_update' && <Button busy={busy} onClick={() => act('follow-up')}>{t('followUp')}</Button>}
          <Button variant="quiet" disabled={busy} onClick={() => setDropping(true)}>{t('drop')}</Button>
        </div>
      )}
      {dropping && (
        <form
          class="stack closing-drop"
          aria-label={t('dropTitle')}
          onSubmit={(event) => {
            event.preventDefault();
            void act('drop', { reason });
          }}
        >
          <Field id={reasonId} label={t('reason')} hint={t('reasonHint')} error={reasonError}>
            <textarea id={reasonId} rows={2} value={reason} aria-describedby={`${reasonId}-hint`} aria-invalid={reasonError ? true : undefined} onInput={(e) => setReason(e.currentTarget.value)} />
          </Field>
          <div class="row">
            <Button type="submit" variant="danger" busy={busy}>{t('confirmDrop')}</Button>
            <Button variant="quiet" onClick={() => setDropping(false)}>{t('cancel')}</Button>
          </div>
        </form>
      )}
      {!reasonError && <ErrorNotice error={error} />}
    </li>
  );
}
