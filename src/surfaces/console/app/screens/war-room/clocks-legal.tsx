import { formatDateTime, useLanguage, useText } from '../../i18n.ts';
import { Pill } from '../../ui/kit.tsx';
import { TimeLeft } from '../../ui/countdown.tsx';
import { tonePill } from './clocks-communication.tsx';
import { deadlineWords } from './clocks-rules.ts';
import { clocksText } from './clocks-text.ts';
import { deadlineTone, type LegalDeadline } from './clocks-types.ts';

/** Each legal deadline: the report and to whom, the rule in plain words, when, how long is left, met or missed. */
export function LegalDeadlines({ deadlines, now }: { deadlines: LegalDeadline[]; now: number }) {
  const t = useText(clocksText);
  return (
    <section class="legal" aria-labelledby="legal-heading">
      <h3 id="legal-heading">{t('legal')}</h3>
      {deadlines.length === 0 ? (
        <p class="meta">{t('legalNone')}</p>
      ) : (
        <ul class="legal-list">
          {deadlines.map((deadline) => (
            <LegalDeadlineItem key={deadline.id} deadline={deadline} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}

function LegalDeadlineItem({ deadline, now }: { deadline: LegalDeadline; now: number }) {
  const t = useText(clocksText);
  const language = useLanguage();
  const words = deadlineWords(deadline, language);
  const tone = deadlineTone(deadline, now);
  const isOpenDuty = deadline.status === 'running' && deadline.undue_delay;
  const statusWord = isOpenDuty ? t('status_undue') : t(`status_${deadline.status}`);
  return (
    <li class={`legal-item legal-${tone}`} data-deadline={deadline.id} data-status={deadline.status}>
      <div class="legal-head">
        <p class="legal-name">
          <strong>{words.name}</strong> <span class="meta-inline">· {words.recipient}</span>
        </p>
        <Pill tone={tone === 'waiting' ? 'muted' : isOpenDuty ? 'minor' : tonePill[tone]}>{statusWord}</Pill>
      </div>
      <p class="legal-plain">{words.plain}</p>
      <p class="legal-when">
        {deadline.status === 'waiting' ? (
          words.starts
        ) : deadline.due_at ? (
          <>
            <strong>{t('dueOn', { when: formatDateTime(deadline.due_at, language, 'long') })}</strong>
            {deadline.shifted_from && <> ({t('shifted', { when: formatDateTime(deadline.shifted_from, language) })})</>}
            {deadline.status === 'running' || deadline.status === 'overdue' ? (
              <>
                {' — '}
                <TimeLeft due={deadline.due_at} now={now} />
              </>
            ) : null}
          </>
        ) : deadline.undue_delay && deadline.status === 'running' ? (
          t('undueDelay')
        ) : null}
        {deadline.submitted_at && <> {t('filedAt', { when: formatDateTime(deadline.submitted_at, language) })}</>}
      </p>
      <details class="legal-details">
        <summary>{t('details')}</summary>
        <blockquote lang="en">{deadline.rule}</blockquote>
        <p class="meta">{t(`tag_${deadline.tag}`)}</p>
        <ul>
          {deadline.content.map((item) => (
            <li key={item.key}>
              {item.label[language]} <span class="meta-inline">({item.mandatory ? t('mandatory') : t('optional')})</span>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}
