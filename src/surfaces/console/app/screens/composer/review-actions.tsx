import { useState } from 'preact/hooks';
import { api } from '../../api.ts';
import { useText } from '../../i18n.ts';
import { useSession } from '../../session.ts';
import { Button, ErrorNotice, Field } from '../../ui/kit.tsx';
import { useVersionLabel } from './review-labels.ts';
import { reviewText } from './review-text.ts';
import type { Message } from './types.ts';

/** The author asks for review of the message as it is now, with an optional note. */
export function AskForReview({ message, again, onChanged }: { message: Message; again: boolean; onChanged: () => void }) {
  const t = useText(reviewText);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ask = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/admin/messages/${message.id}/review-requests`, note.trim() ? { note: note.trim() } : {});
      setNote('');
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="review-ask">
      <h3>{t('askTitle')}</h3>
      <Field id="review-note" label={t('askNote')} hint={t('askHint')}>
        <textarea id="review-note" rows={2} value={note} aria-describedby="review-note-hint" onInput={(e) => setNote(e.currentTarget.value)} />
      </Field>
      <ErrorNotice error={error} />
      <Button variant="primary" busy={busy} onClick={() => void ask()}>
        {again ? t('askAgain') : t('ask')}
      </Button>
    </div>
  );
}

type Verdict = 'approve' | 'changes' | 'comment';

/**
 * A reviewer's verdict: approve (with a reason when points to fix remain), ask for changes (saying
 * which), or comment, on the whole message or one version. With four-eyes on, whoever wrote part
 * of the message sees why they cannot approve it.
 */
export function ReviewForm({ message, onChanged }: { message: Message; onChanged: () => void }) {
  const t = useText(reviewText);
  const label = useVersionLabel();
  const { actor } = useSession();
  const [remarks, setRemarks] = useState('');
  const [about, setAbout] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<Verdict | null>(null);
  const [invalid, setInvalid] = useState<{ field: 'remarks' | 'reason'; text: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');

  const isAuthor = message.four_eyes && message.variants.some((v) => v.editor.type === actor.type && v.editor.id === actor.id);
  const approvedByMe = message.reviews.some((r) => r.kind === 'approve' && r.current && r.actor.type === actor.type && r.actor.id === actor.id);
  const blocking = message.variants.flatMap((variant) => variant.findings.filter((f) => f.severity === 'error').map((finding) => ({ variant, finding })));

  const send = async (verdict: Verdict) => {
    setInvalid(null);
    setError(null);
    setDone('');
    const text = remarks.trim();
    if (verdict !== 'approve' && !text) return setInvalid({ field: 'remarks', text: verdict === 'changes' ? t('remarksNeeded') : t('commentNeeded') });
    if (verdict === 'approve' && blocking.length > 0 && reason.trim().length < 10) return setInvalid({ field: 'reason', text: t('reasonNeeded') });
    setBusy(verdict);
    const variant = about ? { variant_id: about } : {};
    try {
      if (verdict === 'approve') {
        await api.post(`/api/admin/messages/${message.id}/approvals`, { ...(text ? { comment: text } : {}), ...(blocking.length > 0 ? { override_reason: reason.trim() } : {}) });
      } else if (verdict === 'changes') {
        await api.post(`/api/admin/messages/${message.id}/change-requests`, { comment: text, ...variant });
      } else {
        await api.post(`/api/admin/messages/${message.id}/comments`, { body: text, ...variant });
      }
      setRemarks('');
      setReason('');
      setDone(verdict === 'approve' ? t('approved') : verdict === 'changes' ? t('changesAsked') : t('commented'));
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div class="review-form">
      <h3>{t('yourReview')}</h3>
      <div class="review-fields">
        <Field id="review-about" label={t('about')}>
          <select id="review-about" value={about} onChange={(e) => setAbout(e.currentTarget.value)}>
            <option value="">{t('wholeMessage')}</option>
            {message.variants.map((variant) => (
              <option key={variant.id} value={variant.id}>
                {label(variant)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="review-remarks" label={t('remarks')} hint={t('remarksHint')} error={invalid?.field === 'remarks' ? invalid.text : undefined}>
          <textarea
            id="review-remarks"
            rows={3}
            value={remarks}
            aria-invalid={invalid?.field === 'remarks' || undefined}
            aria-describedby={invalid?.field === 'remarks' ? 'review-remarks-hint review-remarks-error' : 'review-remarks-hint'}
            onInput={(e) => setRemarks(e.currentTarget.value)}
          />
        </Field>
      </div>
      {blocking.length > 0 && !isAuthor && (
        <div class="notice notice-warn">
          <p>{t('blockingTitle', { count: blocking.length })}</p>
          <ul class="review-blocking">
            {blocking.slice(0, 6).map(({ variant, finding }, i) => (
              <li key={i}>
                <strong>{label(variant)}</strong> — {finding.message}
              </li>
            ))}
          </ul>
          <Field id="review-reason" label={t('overrideReason')} hint={t('overrideHint')} error={invalid?.field === 'reason' ? invalid.text : undefined}>
            <textarea
              id="review-reason"
              rows={2}
              value={reason}
              aria-invalid={invalid?.field === 'reason' || undefined}
              aria-describedby={invalid?.field === 'reason' ? 'review-reason-hint review-reason-error' : 'review-reason-hint'}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </Field>
        </div>
      )}
      <ErrorNotice error={error} />
      {done && (
        <p class="notice notice-ok" role="status">
          {done}
        </p>
      )}
      <div class="row">
        {approvedByMe ? (
          <p class="review-mine">{t('youApproved')}</p>
        ) : (
          <Button variant="primary" busy={busy === 'approve'} disabled={isAuthor || busy !== null} aria-describedby={isAuthor ? 'review-four-eyes' : undefined} onClick={() => void send('approve')}>
            {blocking.length > 0 ? t('approveAnyway') : t('approve')}
          </Button>
        )}
        <Button busy={busy === 'changes'} disabled={busy !== null} onClick={() => void send('changes')}>
          {t('requestChanges')}
        </Button>
        <Button variant="quiet" busy={busy === 'comment'} disabled={busy !== null} onClick={() => void send('comment')}>
          {t('comment')}
        </Button>
      </div>
      {isAuthor && !approvedByMe && (
        <p id="review-four-eyes" class="hint review-four-eyes">
          {t('cannotApproveAuthor')}
        </p>
      )}
    </div>
  );
}
