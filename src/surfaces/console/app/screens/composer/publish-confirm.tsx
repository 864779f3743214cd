import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api.ts';
import { formatNumber, formatRelative, formatTime, useLanguage, useText, type Language } from '../../i18n.ts';
import { Button, ErrorNotice, Field, Loading } from '../../ui/kit.tsx';
import { useNow, useResource } from '../../use-resource.ts';
import { deliveryText } from './delivery-text.ts';
import { useAudienceName, useVersionLabel } from './review-labels.ts';
import { publishText } from './publish-text.ts';
import type { Message } from './types.ts';

/** GET /api/admin/messages/{id}/publish-preview: who the publish would reach now. */
interface Preview {
  notify_subscribers: boolean;
  status_page: { audience: string; languages: Language[] } | null;
  channels: { channel: string; audience: string; recipients: number; languages: Partial<Record<Language, number>>; endpoints?: { name: string; kind: string }[] }[];
  total: number;
  social_variants: number;
}

/** The server's refusals a person can act on, in plain words (the problem type's last part). */
const knownReasons = ['message-not-approved', 'findings-since-approval', 'next-update-passed', 'first-public-message-without-page', 'message-already-published', 'four-eyes'] as const;

/**
 * The confirmation before everything goes out: every channel with its number of recipients and
 * their languages, the audiences, the next-update promise; then publishing, or the reason it was
 * refused. The emergency path asks why it cannot wait for review.
 */
export function PublishConfirm({ message, emergency, onCancel, onPublished }: { message: Message; emergency: boolean; onCancel: () => void; onPublished: () => void }) {
  const t = useText(publishText);
  const preview = useResource<Preview>(`/api/admin/messages/${message.id}/publish-preview`);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const publish = async () => {
    setInvalid('');
    if (emergency && reason.trim().length < 10) return setInvalid(t('emergencyReasonNeeded'));
    setBusy(true);
    setError(null);
    try {
      if (emergency) await api.post(`/api/admin/messages/${message.id}/emergency-publish`, { reason: reason.trim() });
      else await api.post(`/api/admin/messages/${message.id}/publish`);
      onPublished();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="publish-confirm stack">
      <p>{t('confirmIntro')}</p>
      <ErrorNotice error={preview.error} onRetry={preview.reload} />
      {preview.data ? <Reach message={message} preview={preview.data} /> : !preview.error && <Loading />}
      {emergency && (
        <Field id="publish-emergency-reason" label={t('emergencyReason')} hint={t('emergencyHint')} error={invalid || undefined}>
          <textarea
            id="publish-emergency-reason"
            rows={3}
            value={reason}
            aria-invalid={invalid ? true : undefined}
            aria-describedby={invalid ? 'publish-emergency-reason-hint publish-emergency-reason-error' : 'publish-emergency-reason-hint'}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        </Field>
      )}
      <Refusal error={error} message={message} />
      <div class="row publish-actions">
        <Button onClick={onCancel}>{t('cancel')}</Button>
        <Button variant={emergency ? 'danger' : 'primary'} busy={busy} disabled={!preview.data} onClick={() => void publish()}>
          {busy ? t('publishing') : emergency ? t('emergencyConfirm') : t('confirm')}
        </Button>
      </div>
    </div>
  );
}

function Reach({ message, preview }: { message: Message; preview: Preview }) {
  const t = useText(publishText);
  const td = useText(deliveryText);
  const language = useLanguage();
  const now = useNow(30_000);
  const audienceName = useAudienceName();
  const names = new Intl.DisplayNames([language], { type: 'language' });
  const list = (items: string[]) => new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
  const languagesOf = (counts: Partial<Record<Language, number>>) =>
    Object.entries(counts)
      .filter(([, count]) => count > 0)
      .map(([code, count]) => t('inLanguage', { count: formatNumber(count, language), language: names.of(code) }))
      .join(', ');
  const audiences = [...new Set(message.variants.map((v) => v.audience))].map(audienceName);
  // A channel nobody would hear on is listed when the message has a version written for it.
  const written = new Set<string>(message.variants.map((v) => v.channel));
  const shown = preview.channels.filter((reach) => reach.recipients > 0 || written.has(reach.channel));
  const languages = [...new Set(message.variants.map((v) => v.language))].sort().map((code) => names.of(code) ?? code);
  return (
    <div class="stack">
      <dl class="publish-facts">
        <dt>{t('audiences')}</dt>
        <dd>{list(audiences)}</dd>
        <dt>{t('languages')}</dt>
        <dd>{list(languages)}</dd>
        <dt>{t('nextUpdate')}</dt>
        <dd>{message.next_update_at ? t('nextUpdateAt', { time: formatTime(message.next_update_at, language), relative: formatRelative(message.next_update_at, now, language) }) : t('noNextUpdate')}</dd>
      </dl>
      <table class="table publish-reach">
        <caption class="visually-hidden">{t('confirmTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('channelCol')}</th>
            <th scope="col">{t('whoCol')}</th>
            <th scope="col" class="num">
              {t('countCol')}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('statusPage')}</th>
            <td colSpan={2}>{preview.status_page ? t('statusPageWhat', { languages: list(preview.status_page.languages.map((code) => names.of(code) ?? code)) }) : t('noStatusPage')}</td>
          </tr>
          {shown.map((reach) => (
            <tr key={`${reach.channel}:${reach.audience}`}>
              <th scope="row">{td(`channel_${reach.channel}` as 'channel_email')}</th>
              <td>
                {reach.endpoints
                  ? reach.endpoints.length > 0
                    ? list(reach.endpoints.map((e) => e.name))
                    : t('who_noEndpoint', { audience: audienceName(reach.audience) })
                  : reach.audience === 'controllers'
                    ? t('who_controllers')
                    : `${t('who_subscribers')} (${audienceName(reach.audience)})`}
                {reach.recipients > 0 && <span class="publish-languages">{languagesOf(reach.languages)}</span>}
              </td>
              <td class="num">
                <strong>{formatNumber(reach.recipients, language)}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="publish-total">{preview.total > 0 ? t('totalLine', { count: preview.total, formatted: formatNumber(preview.total, language) }) : t('nobody')}</p>
      {!preview.notify_subscribers && <p class="notice notice-warn">{t('notNotifying')}</p>}
      {preview.social_variants > 0 && <p class="hint">{t('social', { count: preview.social_variants })}</p>}
    </div>
  );
}

/** Why the server refused, in plain words, with the versions it named. */
function Refusal({ error, message }: { error: unknown; message: Message }) {
  const t = useText(publishText);
  const label = useVersionLabel();
  if (!(error instanceof ApiError) || !(knownReasons as readonly string[]).includes(error.reason)) return <ErrorNotice error={error} />;
  const versionOf = (pointer: string) => message.variants.find((v) => pointer.startsWith(`/variants/${v.id}/`));
  return (
    <div class="notice notice-error" role="alert">
      <p>
        <strong>{t('refused')}</strong> {t(`reason_${error.reason.replace(/-/g, '_')}` as 'reason_four_eyes')}
      </p>
      {error.errors.length > 0 && (
        <ul>
          {error.errors.map((problem) => {
            const variant = versionOf(problem.pointer);
            return (
              <li key={problem.pointer + problem.detail}>
                {variant && <strong>{label(variant)} — </strong>}
                {problem.detail.replace(/^[a-z-]+ \[\d+, \d+\) [^:]+: /, '')}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
