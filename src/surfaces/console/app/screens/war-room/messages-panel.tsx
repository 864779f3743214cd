import { formatDateTime, useLanguage, useText } from '../../i18n.ts';
import { warRoomText } from '../../text/war-room.ts';
import { ErrorNotice, Loading, Pill } from '../../ui/kit.tsx';
import type { Resource } from '../../use-resource.ts';
import type { Audience, MessageSummary, ReviewState } from './types.ts';

const reviewTone: Record<ReviewState, 'muted' | 'info' | 'major' | 'ok' | 'minor'> = { draft: 'muted', in_review: 'info', changes_requested: 'major', approved: 'ok', published: 'ok' };
const unique = <T,>(items: T[]) => [...new Set(items)];

/** The incident's messages, newest first, each with where it stands on the way out. */
export function MessagesPanel({ incidentId, messages, audiences }: { incidentId: string; messages: Resource<{ messages: MessageSummary[] }>; audiences: Audience[] }) {
  const t = useText(warRoomText);
  const language = useLanguage();
  const list = messages.data?.messages ?? [];
  const audienceName = (id: string) => audiences.find((audience) => audience.id === id)?.name[language] ?? id;
  return (
    <section class="card side-panel" aria-labelledby="messages-title">
      <h2 id="messages-title">{t('messages')}</h2>
      <ErrorNotice error={messages.error} onRetry={messages.reload} />
      {messages.loading && !messages.data ? (
        <Loading />
      ) : list.length === 0 ? (
        <p class="empty">{t('noMessages')}</p>
      ) : (
        <ul class="message-list">
          {list.map((message) => {
            const stage = t(`stage_${message.stage}` as 'stage_first');
            return (
              <li key={message.id}>
                <a href={`/incidents/${encodeURIComponent(incidentId)}/messages/${encodeURIComponent(message.id)}`}>
                  {stage}
                </a>{' '}
                <Pill tone={reviewTone[message.review_state]}>{t(`review_${message.review_state}`)}</Pill>
                {message.emergency && <Pill tone="critical">{t('emergency')}</Pill>}
                <p class="meta">
                  {t('messageMeta', { name: message.author.name, when: formatDateTime(message.published_at ?? message.updated_at, language) })}
                  <br />
                  {t('messageParts', {
                    audiences: unique(message.variants.map((v) => v.audience)).map(audienceName).join(', '),
                    languages: unique(message.variants.map((v) => v.language.toUpperCase())).join(', '),
                    channels: unique(message.variants.map((v) => v.channel)).map((c) => t(`channel_${c}` as 'channel_email')).join(', '),
                  })}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
