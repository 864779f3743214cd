import { formatClock } from '../../../../../domain/message/format.ts';
import { useText } from '../../i18n.ts';
import { ChatPreview } from './preview-chat.tsx';
import { SmsPreview, SocialPreview } from './preview-sms.tsx';
import { previewText, recipientWords } from './preview-text.ts';
import { promised, statusAfter, type PreviewProps } from './preview-model.ts';
import { RichText } from './rich-text.tsx';

/** What the recipient sees, channel by channel. */
export function Preview(props: PreviewProps) {
  const t = useText(previewText);
  return (
    <section class="card preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('preview')}</h2>
      <p class="hint">{t('previewHint')}</p>
      <div class="preview-frame">
        <ChannelPreview {...props} />
      </div>
    </section>
  );
}

function ChannelPreview(props: PreviewProps) {
  switch (props.variant.channel) {
    case 'email':
      return <EmailPreview {...props} />;
    case 'sms':
      return <SmsPreview {...props} />;
    case 'chat':
      return <ChatPreview {...props} />;
    case 'status_page':
      return <StatusPagePreview {...props} />;
    case 'social':
      return <SocialPreview {...props} />;
    case 'support_script':
    case 'press':
      return <DocumentPreview {...props} />;
  }
}

function EmailPreview(props: PreviewProps) {
  const t = useText(previewText);
  const words = recipientWords[props.variant.language];
  return (
    <article class="mail-preview" aria-label={t('preview')}>
      <dl class="mail-head">
        <div>
          <dt>{t('from')}</dt>
          <dd>{props.workspaceName}</dd>
        </div>
        <div>
          <dt>{t('to')}</dt>
          <dd>{props.recipients}</dd>
        </div>
        <div>
          <dt>{t('subject')}</dt>
          <dd class="mail-subject" lang={props.variant.language}>
            {props.subject?.trim() || t('noSubject')}
          </dd>
        </div>
      </dl>
      <div class="mail-body" lang={props.variant.language}>
        <RichText text={props.body} />
        <hr />
        <div class="mail-foot">
          <p>{words.why(props.workspaceName)}</p>
          <p>
            <span class="link-like">{words.follow}</span> · <span class="link-like">{words.leave}</span>
          </p>
        </div>
      </div>
    </article>
  );
}

function StatusPagePreview(props: PreviewProps) {
  const t = useText(previewText);
  const words = recipientWords[props.variant.language];
  const status = statusAfter(props.stage, props.incident);
  const next = promised(props);
  return (
    <article class="status-preview" aria-label={t('statusPageTitle')} lang={props.variant.language}>
      <p class="status-preview-page">{props.workspaceName}</p>
      <h3>{props.incident.name}</h3>
      <div class="status-preview-update">
        <p class="status-preview-status">
          <strong>{words.pageStatuses[status]}</strong>
          <span class="meta"> — {words.posted(formatClock(props.now, props.variant.language, props.timeZone))}</span>
        </p>
        <RichText text={props.body} />
        {next && <p class="status-preview-next">{words.nextUpdateBy(next)}</p>}
      </div>
    </article>
  );
}

function DocumentPreview(props: PreviewProps) {
  const t = useText(previewText);
  return (
    <article class="document-preview" aria-label={props.variant.channel === 'press' ? t('pressTitle') : t('supportTitle')}>
      <p class="meta">{props.variant.channel === 'press' ? t('pressTitle') : t('supportTitle')}</p>
      <h3>{props.incident.name}</h3>
      <div lang={props.variant.language}>
        <RichText text={props.body} />
      </div>
    </article>
  );
}
