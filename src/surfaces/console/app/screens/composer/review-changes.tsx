import { useEffect, useRef } from 'preact/hooks';
import { formatDateTime, useLanguage, useText } from '../../i18n.ts';
import { ErrorNotice, Loading, Pill } from '../../ui/kit.tsx';
import { useResource } from '../../use-resource.ts';
import { useVersionLabel } from './review-labels.ts';
import { reviewText } from './review-text.ts';
import { wordDiff } from './review-word-diff.ts';
import type { Message } from './types.ts';

/** GET /api/admin/messages/{id}/approved-content: the message as it was last approved. */
interface ApprovedContent {
  current: boolean;
  complete: boolean;
  next_update_at: string | null;
  variants: { id: string; audience: string; language: string; channel: string; subject: string | null; body: string | null }[];
}

/**
 * What changed since the last approval, version by version: removed words struck through, added
 * words highlighted, versions added or removed since, the next update moved.
 */
export function ChangesSinceApproval({ message, approverName }: { message: Message; approverName: string }) {
  const t = useText(reviewText);
  const language = useLanguage();
  const label = useVersionLabel();
  const approved = useResource<ApprovedContent>(`/api/admin/messages/${message.id}/approved-content`);
  const seen = useRef(message.content_hash);
  useEffect(() => {
    if (seen.current === message.content_hash) return;
    seen.current = message.content_hash;
    void approved.reload();
  }, [message.content_hash]);

  if (approved.error) return <ErrorNotice error={approved.error} onRetry={approved.reload} />;
  if (!approved.data) return <Loading />;
  const before = approved.data;
  const current = new Set(message.variants.map((v) => v.id));
  const removed = before.variants.filter((v) => !current.has(v.id));
  const changes = message.variants.flatMap((variant) => {
    const old = before.variants.find((v) => v.id === variant.id);
    if (old && old.body === variant.body && old.subject === variant.subject) return [];
    return [{ variant, old }];
  });
  const moved = before.next_update_at !== message.next_update_at;
  return (
    <section class="review-changes notice notice-warn" aria-labelledby="review-changes-title">
      <h3 id="review-changes-title">{t('changedTitle', { name: approverName })}</h3>
      <p>{t('changedIntro')}</p>
      {!before.complete && <p class="hint">{t('incomplete')}</p>}
      {moved && <p>{t('nextUpdateMoved', { before: formatDateTime(before.next_update_at, language), after: formatDateTime(message.next_update_at, language) })}</p>}
      {changes.map(({ variant, old }) => (
        <article key={variant.id} class="review-change">
          <h4>{label(variant)}</h4>
          {!old ? (
            <Pill tone="info">{t('newVersion')}</Pill>
          ) : old.body === null ? (
            <p class="hint">{t('notKept')}</p>
          ) : (
            <>
              {old.subject !== variant.subject && <Diff label={t('subjectLabel')} before={old.subject ?? ''} after={variant.subject ?? ''} />}
              {old.body !== variant.body && <Diff label={t('textLabel')} before={old.body} after={variant.body} />}
            </>
          )}
        </article>
      ))}
      {removed.map((variant) => (
        <article key={variant.id} class="review-change">
          <h4>{label(variant)}</h4>
          <Pill tone="muted">{t('removedVersion')}</Pill>
        </article>
      ))}
    </section>
  );
}

function Diff({ label, before, after }: { label: string; before: string; after: string }) {
  const t = useText(reviewText);
  return (
    <div class="review-diff">
      <p class="review-diff-label">{label}</p>
      <p class="review-diff-text">
        {wordDiff(before, after).map((part, i) =>
          part.kind === 'same' ? (
            part.text
          ) : part.kind === 'removed' ? (
            <del key={i}>
              <span class="visually-hidden">{t('removedMark')} </span>
              {part.text}
            </del>
          ) : (
            <ins key={i}>
              <span class="visually-hidden">{t('addedMark')} </span>
              {part.text}
            </ins>
          ),
        )}
      </p>
    </div>
  );
}
