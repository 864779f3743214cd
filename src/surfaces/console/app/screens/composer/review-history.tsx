import { formatDateTime, useLanguage, useText } from '../../i18n.ts';
import { Pill } from '../../ui/kit.tsx';
import { useVersionLabel } from './review-labels.ts';
import { reviewText } from './review-text.ts';
import type { Message } from './types.ts';

/** Every review given, newest first: who did what, when, on which version, and any reason kept. */
export function ReviewHistory({ message }: { message: Message }) {
  const t = useText(reviewText);
  const language = useLanguage();
  const label = useVersionLabel();
  const reviews = [...message.reviews].reverse();
  return (
    <section class="review-history" aria-labelledby="review-history-title">
      <h3 id="review-history-title">{t('history')}</h3>
      {reviews.length === 0 ? (
        <p class="empty">{t('noHistory')}</p>
      ) : (
        <ol class="review-list">
          {reviews.map((review) => {
            const variant = review.variant_id ? message.variants.find((v) => v.id === review.variant_id) : undefined;
            return (
              <li key={review.id} class={`review-item review-${review.kind}`}>
                <p class="review-line">
                  <strong>{t(`kind_${review.kind}`, { name: review.actor.name })}</strong>
                  {variant && <> {t('onVersion', { version: label(variant) })}</>}
                  {' · '}
                  <time dateTime={review.at}>{formatDateTime(review.at, language)}</time>
                  {!review.current && message.state !== 'published' && (
                    <>
                      {' '}
                      <Pill tone="muted">{t('earlier')}</Pill>
                    </>
                  )}
                </p>
                {review.body && <blockquote class="review-quote">{review.body}</blockquote>}
                {review.override_reason && <p class="hint">{t('overridden', { reason: review.override_reason })}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
