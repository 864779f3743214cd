import './corrections/corrections.css';
import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { formatDateTime, useLanguage, useText } from '../i18n.ts';
import { useCan } from '../session.ts';
import { Button, ErrorNotice, Loading, PageHeader, Pill } from '../ui/kit.tsx';
import { useResource } from '../use-resource.ts';
import { PublicLog } from './corrections/public-log.tsx';
import { correctionsText } from './corrections/text.ts';
import type { Correction, CorrectionsList, Rumor, Standing } from './corrections/types.ts';
import { WriteCorrection } from './corrections/write-correction.tsx';

const tone: Record<Standing, 'major' | 'info' | 'ok' | 'muted'> = { open: 'major', correction_pending: 'info', refuted: 'ok', confirmed: 'muted' };

/** Rumors of the incident → corrections approved like any message → the public corrections log. */
export function Corrections() {
  const { params } = useRoute();
  const id = params.id ?? '';
  const t = useText(correctionsText);
  const list = useResource<CorrectionsList>(`/api/admin/incidents/${encodeURIComponent(id)}/corrections`);
  const [writing, setWriting] = useState<string | null>(null);
  const [created, setCreated] = useState<Correction | null>(null);

  return (
    <section class="page corrections">
      <PageHeader title={list.data ? `${t('title')} · ${list.data.incident.name}` : t('title')}>
        <a href={`/incidents/${encodeURIComponent(id)}`}>{t('back')}</a>
      </PageHeader>
      {list.loading && !list.data && <Loading />}
      <ErrorNotice error={list.error} onRetry={() => void list.reload()} />
      {created && (
        <div class="notice notice-ok" role="status">
          <p>{t('created')}</p>
          <a href={`/incidents/${encodeURIComponent(id)}/messages/${encodeURIComponent(created.message_id)}`}>{t('openMessage')}</a>
        </div>
      )}
      {list.data && (
        <>
          <section aria-labelledby="rumors-title">
            <h2 id="rumors-title">{t('rumors')}</h2>
            {!list.data.incident.is_public && <p class="notice notice-warn">{t('notPublic')}</p>}
            {list.data.rumors.length === 0 ? (
              <p class="empty">{t('noRumors')}</p>
            ) : (
              <ul class="rumor-list">
                {list.data.rumors.map((rumor) => (
                  <RumorItem
                    key={rumor.id}
                    incidentId={id}
                    rumor={rumor}
                    canCorrect={list.data!.incident.is_public}
                    isWriting={writing === rumor.id}
                    onWrite={() => {
                      setCreated(null);
                      setWriting(rumor.id);
                    }}
                    onCancel={() => setWriting(null)}
                    onCreated={(correction) => {
                      setWriting(null);
                      setCreated(correction);
                      void list.reload();
                    }}
                  />
                ))}
              </ul>
            )}
          </section>
          <PublicLog log={list.data.log} />
        </>
      )}
    </section>
  );
}

function RumorItem({ incidentId, rumor, canCorrect, isWriting, onWrite, onCancel, onCreated }: {
  incidentId: string;
  rumor: Rumor;
  canCorrect: boolean;
  isWriting: boolean;
  onWrite: () => void;
  onCancel: () => void;
  onCreated: (correction: Correction) => void;
}) {
  const t = useText(correctionsText);
  const language = useLanguage();
  const can = useCan();
  const pending = rumor.corrections.find((c) => c.published_at === null);
  const mayWrite = can('message.write') && canCorrect && !pending && rumor.standing !== 'confirmed';
  return (
    <li class="card">
      <div class="rumor-head">
        <h3>{rumor.text}</h3>
        <Pill tone={tone[rumor.standing]}>{t(`standing_${rumor.standing}`)}</Pill>
      </div>
      {rumor.source && <p class="meta">{t('seenAt', { source: rumor.source })}</p>}
      <p class="meta">{t('noted', { at: formatDateTime(rumor.noted_at, language) })}</p>
      <div class="rumor-actions">
        {pending && <a href={`/incidents/${encodeURIComponent(incidentId)}/messages/${encodeURIComponent(pending.message_id)}`}>{t('openMessage')}</a>}
        {mayWrite && !isWriting && (
          <Button onClick={onWrite} aria-label={t('writeFor', { rumor: rumor.text })}>
            {t('write')}
          </Button>
        )}
      </div>
      {isWriting && <WriteCorrection incidentId={incidentId} rumor={rumor} onCreated={onCreated} onCancel={onCancel} />}
    </li>
  );
}
