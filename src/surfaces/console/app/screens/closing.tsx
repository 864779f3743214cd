import { useRoute } from 'preact-iso';
import { useText } from '../i18n.ts';
import { useCan } from '../session.ts';
import { NotAllowed } from '../ui/back-office.tsx';
import { ErrorNotice, Loading, PageHeader } from '../ui/kit.tsx';
import { useResource } from '../use-resource.ts';
import { DraftPreview } from './closing/draft-preview.tsx';
import type { Audience, ClosingCheck } from './closing/model.ts';
import { PromisesChecklist } from './closing/promises.tsx';
import { closingText } from './closing/text.ts';
import './closing/closing.css';

/** The closing message screen (doctrine §8): settle the promises, preview the structured closing, create it. */
export function ClosingAssistant() {
  const t = useText(closingText);
  const can = useCan();
  const { params } = useRoute();
  const incidentId = params.id ?? '';
  if (!can('facts.read')) {
    return (
      <section class="page closing">
        <PageHeader title={t('title')} />
        <NotAllowed />
      </section>
    );
  }
  return <Closing incidentId={incidentId} />;
}

function Closing({ incidentId }: { incidentId: string }) {
  const t = useText(closingText);
  const can = useCan();
  const check = useResource<ClosingCheck>(`/api/admin/incidents/${encodeURIComponent(incidentId)}/closing-check`);
  const settings = useResource<{ audiences: Audience[]; status_page_audience: string }>('/api/admin/settings/communication');
  return (
    <section class="page closing">
      <a class="back" href={`/incidents/${encodeURIComponent(incidentId)}`}>← {t('back')}</a>
      <PageHeader title={t('title')} />
      <p class="lead">{t('lead')}</p>
      <ErrorNotice error={check.error ?? settings.error} onRetry={() => { check.reload(); settings.reload(); }} />
      {check.data ? <PromisesChecklist incidentId={incidentId} check={check.data} canEdit={can('facts.edit')} onChanged={check.reload} /> : check.loading && <Loading />}
      {settings.data && check.data && (
        <DraftPreview key={check.data.follow_ups.length} incidentId={incidentId} audiences={settings.data.audiences} defaultAudience={settings.data.status_page_audience} canWrite={can('message.write')} canSetFeedback={can('settings.manage')} />
      )}
    </section>
  );
}
