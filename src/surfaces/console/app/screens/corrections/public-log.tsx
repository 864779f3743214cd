import { formatDateTime, useLanguage, useText } from '../../i18n.ts';
import { correctionsText } from './text.ts';
import type { Correction, Texts } from './types.ts';

const pick = (texts: Texts | null, language: 'fr' | 'en') => texts?.[language] ?? texts?.en ?? texts?.fr ?? '';

/** The published corrections as the status page shows them (in the console's language when written in it). */
export function PublicLog({ log }: { log: Correction[] }) {
  const t = useText(correctionsText);
  const language = useLanguage();
  return (
    <section class="card" aria-labelledby="corrections-log">
      <h2 id="corrections-log">{t('log')}</h2>
      <p class="hint">{t('logHint')}</p>
      {log.length === 0 ? (
        <p class="empty">{t('emptyLog')}</p>
      ) : (
        <ol class="correction-log">
          {log.map((correction) => (
            <li key={correction.id}>
              <dl>
                <dt>{t('logSaid')}</dt>
                <dd>
                  <blockquote>{pick(correction.said, language)}</blockquote>
                </dd>
                <dt>{t('logTruth')}</dt>
                <dd class="correction-truth">{pick(correction.published_truth, language)}</dd>
                <dt>{t('logWhen')}</dt>
                <dd>
                  <time dateTime={correction.published_at ?? ''}>{formatDateTime(correction.published_at, language)}</time>
                </dd>
              </dl>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
