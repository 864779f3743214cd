import { useState } from 'preact/hooks';
import { needsNextUpdate } from '../../../../../domain/message/stages.ts';
import { formatDateTime, formatTime, useLanguage, useText, type Translate } from '../../i18n.ts';
import { useCan } from '../../session.ts';
import { Button, Dialog } from '../../ui/kit.tsx';
import { useNow } from '../../use-resource.ts';
import { DeliveryProgress } from './delivery-progress.tsx';
import { PublishConfirm } from './publish-confirm.tsx';
import { publishText } from './publish-text.ts';
import type { Message } from './types.ts';
import './publish.css';

/**
 * One button that publishes everywhere once the message is approved, after a confirmation naming
 * every channel and how many people it reaches; an incident lead's emergency path without review;
 * then the delivery progress.
 */
export function PublishPanel({ message, onChanged }: { message: Message; onChanged: () => void }) {
  const t = useText(publishText);
  const can = useCan();
  const language = useLanguage();
  const now = useNow(15_000);
  const [dialog, setDialog] = useState<'publish' | 'emergency' | null>(null);
  const [justPublished, setJustPublished] = useState(false);

  if (message.state === 'published' || justPublished) {
    return (
      <section class="card publish-panel stack" aria-labelledby="publish-title">
        <h2 id="publish-title">{t('title')}</h2>
        {message.published_at ? (
          <p>{t('publishedBy', { when: formatDateTime(message.published_at, language), name: message.published_by_name ?? '' })}</p>
        ) : (
          <p class="notice notice-ok" role="status">
            {t('published')}
          </p>
        )}
        {message.emergency && <p class="notice notice-warn">{t('emergencyFlag', { reason: message.emergency_reason ?? '' })}</p>}
        <DeliveryProgress messageId={message.id} />
      </section>
    );
  }

  const blockers = blockersOf(message, now, t, language);
  const published = () => {
    setDialog(null);
    setJustPublished(true);
    onChanged();
  };
  return (
    <section class="card publish-panel stack" aria-labelledby="publish-title">
      <h2 id="publish-title">{t('title')}</h2>
      {!can('message.publish') ? (
        <p class="hint">{t('notAllowed')}</p>
      ) : (
        <div class="publish-main">
          {blockers.length === 0 ? (
            <p class="publish-ready">{t('ready')}</p>
          ) : (
            <div id="publish-blockers" class="publish-blockers">
              <p>{t('blocked')}</p>
              <ul>
                {blockers.map((blocker) => (
                  <li key={blocker}>{blocker}</li>
                ))}
              </ul>
            </div>
          )}
          <Button variant="primary" class="publish-button" disabled={blockers.length > 0} aria-describedby={blockers.length > 0 ? 'publish-blockers' : undefined} onClick={() => setDialog('publish')}>
            {t('publish')}
          </Button>
        </div>
      )}
      {can('message.publish_emergency') && message.review_state !== 'approved' && (
        <div class="publish-emergency">
          <h3>{t('emergencyTitle')}</h3>
          <p>{t('emergencyIntro')}</p>
          <Button variant="danger" onClick={() => setDialog('emergency')}>
            {t('emergencyOpen')}
          </Button>
        </div>
      )}
      <Dialog open={dialog !== null} title={dialog === 'emergency' ? t('emergencyDialog') : t('confirmTitle')} onClose={() => setDialog(null)}>
        <PublishConfirm message={message} emergency={dialog === 'emergency'} onCancel={() => setDialog(null)} onPublished={published} />
      </Dialog>
    </section>
  );
}

/**
 * Why the publish would be refused, read from the message as the server will read it: its review
 * state, its next-update promise, and points to fix the approval did not cover. The server decides.
 */
function blockersOf(message: Message, now: number, t: Translate<(typeof publishText)['en']>, language: 'fr' | 'en'): string[] {
  const blockers: string[] = [];
  if (message.review_state === 'changes_requested') blockers.push(t('block_changesRequested'));
  else if (message.review_state !== 'approved') blockers.push(t('block_notApproved'));
  if (needsNextUpdate(message.stage)) {
    if (message.next_update_at === null) blockers.push(t('block_nextUpdateMissing'));
    else if (Date.parse(message.next_update_at) <= now) blockers.push(t('block_nextUpdatePassed', { time: formatTime(message.next_update_at, language) }));
  }
  if (message.review_state === 'approved') {
    const overridden = new Set(message.reviews.filter((r) => r.kind === 'approve' && r.current).flatMap((r) => r.overridden_rules));
    const count = message.variants.reduce((sum, v) => sum + v.findings.filter((f) => f.severity === 'error' && !overridden.has(f.rule)).length, 0);
    if (count > 0) blockers.push(t('block_findings', { count }));
  }
  return blockers;
}
