import { useRef, useState } from 'preact/hooks';
import { api, ApiError, newIdempotencyKey, serverNow } from '../../api.ts';
import { useLanguage, useText } from '../../i18n.ts';
import { uiText } from '../../ui/text.ts';
import { Button, Dialog, ErrorNotice, Field } from '../../ui/kit.tsx';
import { clocksText } from './clocks-text.ts';
import { formatWhen } from './clocks-types.ts';

export interface Postponed {
  next_update_at: string | null;
  update: { body: string; bodies: { fr?: string; en?: string } | null };
  postponed: { from: string; to: string };
}

const pad = (value: number) => String(value).padStart(2, '0');
/** A date as a datetime-local field holds it: the browser's local time, to the minute. */
function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Half an hour after the promised time (or after now, when it has passed), on a round five minutes. */
function suggestedTime(from: string): Date {
  const base = Math.max(Date.parse(from), serverNow()) + 30 * 60_000;
  const step = 5 * 60_000;
  return new Date(Math.ceil(base / step) * step);
}

/** Moving a promised next update later: the dialog says that the move itself is public. */
export function PostponeDialog({ open, incidentId, from, onClose, onDone }: { open: boolean; incidentId: string; from: string; onClose: () => void; onDone: (result: Postponed) => void }) {
  const t = useText(clocksText);
  return (
    <Dialog open={open} title={t('postponeTitle')} onClose={onClose}>
      <PostponeForm incidentId={incidentId} from={from} onClose={onClose} onDone={onDone} />
    </Dialog>
  );
}

function PostponeForm({ incidentId, from, onClose, onDone }: { incidentId: string; from: string; onClose: () => void; onDone: (result: Postponed) => void }) {
  const t = useText(clocksText);
  const ui = useText(uiText);
  const language = useLanguage();
  const [at, setAt] = useState(() => toLocalInput(suggestedTime(from)));
  const [reason, setReason] = useState('');
  const [notify, setNotify] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [atProblem, setAtProblem] = useState<string | undefined>(undefined);
  // One key per attempt: a retry after a lost answer is sent once; after a refusal, the corrected form is a new request.
  const idempotencyKey = useRef(newIdempotencyKey());
  const now = serverNow();
  const to = at ? new Date(at) : null;
  const toText = to && !Number.isNaN(to.getTime()) ? formatWhen(to.toISOString(), now, language) : '…';
  const problem = error instanceof ApiError ? error : null;
  const atError = atProblem ?? problem?.at('/next_update_at');
  const reasonError = problem?.at('/reason');
  // A refusal about these two fields is shown beside them; anything else as a notice.
  const isShownInFields = problem !== null && problem.errors.length > 0 && problem.errors.every((e) => e.pointer.startsWith('/next_update_at') || e.pointer.startsWith('/reason'));
  const describedBy = (id: string, hasError: boolean) => `${id}-hint${hasError ? ` ${id}-error` : ''}`;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!to || Number.isNaN(to.getTime())) {
      setAtProblem(t('newTime'));
      return;
    }
    setAtProblem(undefined);
    setBusy(true);
    setError(null);
    try {
      const result = await api.post<Postponed>(
        `/api/admin/incidents/${encodeURIComponent(incidentId)}/next-update/postpone`,
        { next_update_at: to.toISOString(), reason, deliver_notifications: notify },
        { idempotencyKey: idempotencyKey.current },
      );
      onDone(result);
    } catch (caught) {
      if (caught instanceof ApiError) idempotencyKey.current = newIdempotencyKey();
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} class="postpone-form" noValidate>
      <p class="notice notice-warn">{t('postponePublic', { from: formatWhen(from, now, language), to: toText })}</p>
      <Field id="postpone-at" label={t('newTime')} hint={t('newTimeHint', { from: formatWhen(from, now, language) })} error={atError}>
        <input id="postpone-at" type="datetime-local" required value={at} onInput={(e) => setAt(e.currentTarget.value)} aria-invalid={atError ? true : undefined} aria-describedby={describedBy('postpone-at', !!atError)} />
      </Field>
      <Field id="postpone-reason" label={t('reason')} hint={t('reasonHint')} error={reasonError}>
        <textarea id="postpone-reason" required minLength={3} value={reason} onInput={(e) => setReason(e.currentTarget.value)} aria-invalid={reasonError ? true : undefined} aria-describedby={describedBy('postpone-reason', !!reasonError)} />
      </Field>
      <div class="field field-check">
        <label>
          <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.currentTarget.checked)} aria-describedby="postpone-notify-hint" /> {t('notify')}
        </label>
        <p class="hint" id="postpone-notify-hint">
          {t('notifyHint')}
        </p>
      </div>
      {error !== null && !isShownInFields && <ErrorNotice error={error} />}
      <div class="row dialog-actions">
        <Button type="submit" variant="primary" busy={busy}>
          {t('confirmPostpone')}
        </Button>
        <Button onClick={onClose}>{ui('cancel')}</Button>
      </div>
    </form>
  );
}
