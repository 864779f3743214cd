import { useText } from '../../i18n.ts';
import { promised, statusAfter, type PreviewProps } from './preview-model.ts';
import { previewText, recipientWords } from './preview-text.ts';
import { RichText } from './rich-text.tsx';

/** The card a team's chat room shows (Slack, Teams, Google Chat…): the incident, the text, its facts. */
export function ChatPreview(props: PreviewProps) {
  const t = useText(previewText);
  const words = recipientWords[props.variant.language];
  const status = statusAfter(props.stage, props.incident);
  const impact = props.incident.impact === 'maintenance' ? null : props.incident.impact;
  const next = promised(props);
  return (
    <article class={`chat-preview chat-${impact ?? 'none'}`} aria-label={t('preview')}>
      <p class="chat-app">
        <span class="chat-avatar" aria-hidden="true">
          T
        </span>
        <strong>{t('chatApp')}</strong>
      </p>
      <div class="chat-card" lang={props.variant.language}>
        <h3>{props.incident.name}</h3>
        <RichText text={props.body} />
        <ul class="chat-facts">
          <li>
            <strong>{words.status}</strong> {words.statuses[status]}
          </li>
          {impact && (
            <li>
              <strong>{words.impact}</strong> {words.impacts[impact]}
            </li>
          )}
          {next && (
            <li>
              <strong>{words.nextUpdate}</strong> {next}
            </li>
          )}
        </ul>
        <p class="chat-action">
          <span class="link-like">{words.open}</span>
        </p>
      </div>
    </article>
  );
}
