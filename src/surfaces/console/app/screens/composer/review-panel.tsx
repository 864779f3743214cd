import { formatDateTime, useLanguage, useText } from '../../i18n.ts';
import { useCan } from '../../session.ts';
import { Pill } from '../../ui/kit.tsx';
import { AskForReview, ReviewForm } from './review-actions.tsx';
import { ChangesSinceApproval } from './review-changes.tsx';
import { ReviewHistory } from './review-history.tsx';
import { reviewText } from './review-text.ts';
import { composerText } from './text.ts';
import type { Message, Review } from './types.ts';
import './review.css';

const stateTone = { draft: 'muted', in_review: 'info', changes_requested: 'major', approved: 'ok', published: 'ok' } as const;

/**
 * Where the message stands in review, the actions the person's role allows (ask, approve, ask for
 * changes, comment), what changed since the last approval, and every review given.
 */
export function ReviewPanel({ message, onChanged }: { message: Message; onChanged: () => void }) {
  const t = useText(reviewText);
  const tc = useText(composerText);
  const can = useCan();
  const isOpen = message.state !== 'published';
  const lastApproval = latest(message.reviews, (r) => r.kind === 'approve');
  const hasCurrentRequest = message.reviews.some((r) => r.kind === 'request' && r.current);
  return (
    <section class="card review-panel stack" aria-labelledby="review-title">
      <header class="review-head">
        <h2 id="review-title">{t('title')}</h2>
        <Pill tone={stateTone[message.review_state]}>{tc(`state_${message.review_state}`)}</Pill>
      </header>
      <ReviewSummary message={message} />
      {isOpen && lastApproval && !lastApproval.current && <ChangesSinceApproval message={message} approverName={lastApproval.actor.name} />}
      {isOpen && can('message.write') && !hasCurrentRequest && message.review_state !== 'approved' && (
        <AskForReview message={message} again={message.reviews.some((r) => r.kind === 'request')} onChanged={onChanged} />
      )}
      {isOpen && can('message.review') && <ReviewForm message={message} onChanged={onChanged} />}
      <ReviewHistory message={message} />
    </section>
  );
}

function ReviewSummary({ message }: { message: Message }) {
  const t = useText(reviewText);
  const language = useLanguage();
  const when = (review: Review) => formatDateTime(review.at, language);
  if (message.state === 'published') {
    return <p>{t('publishedOn', { when: formatDateTime(message.published_at, language), name: message.published_by_name ?? '' })}</p>;
  }
  const current = (kind: Review['kind']) => latest(message.reviews, (r) => r.kind === kind && r.current);
  const request = latest(message.reviews, (r) => r.kind === 'request');
  let line;
  switch (message.review_state) {
    case 'approved': {
      const approval = current('approve');
      line = approval && <p class="review-status">{t('approvedBy', { name: approval.actor.name, when: when(approval) })}</p>;
      break;
    }
    case 'changes_requested': {
      const asked = current('request_changes');
      line = asked && (
        <div class="review-status">
          <p>{t('changesBy', { name: asked.actor.name, when: when(asked) })}</p>
          {asked.body && <blockquote class="review-quote">{asked.body}</blockquote>}
        </div>
      );
      break;
    }
    case 'in_review':
      line = request && <p class="review-status">{t('waiting', { when: when(request), name: request.actor.name })}</p>;
      break;
    case 'draft':
    case 'published':
      line = <p class="review-status">{t('notAsked')}</p>;
      break;
  }
  return (
    <div>
      {line}
      <p class="hint">{message.four_eyes ? t('fourEyes') : t('oneApproval')}</p>
    </div>
  );
}

/** The latest review that matches (reviews come oldest first). */
export function latest(reviews: Review[], match: (review: Review) => boolean): Review | undefined {
  return reviews.filter(match).at(-1);
}
