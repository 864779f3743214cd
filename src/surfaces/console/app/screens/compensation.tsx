import { useRoute } from 'preact-iso';
import { useText } from '../i18n.ts';
import { useCan } from '../session.ts';
import { NotAllowed } from '../ui/back-office.tsx';
import { ErrorNotice, Loading, PageHeader } from '../ui/kit.tsx';
import { useResource } from '../use-resource.ts';
import { DefineForm } from './compensation/define-form.tsx';
import { GestureCard } from './compensation/gesture-card.tsx';
import type { ComponentSummary, Gesture, IncidentSummary } from './compensation/model.ts';
import { compensationText } from './compensation/text.ts';
import './compensation/compensation.css';

type Incident = IncidentSummary & { occurred_at: string | null; detected_at: string | null };

/** Compensation for an incident (doctrine §8): define a gesture, announce it, track it until delivered. */
export function Compensation() {
  const t = useText(compensationText);
  const { params } = useRoute();
  const can = useCan();
  const incidentId = params.id ?? '';
  if (!can('compensation.manage')) {
    return (
      <section class="page compensation">
        <PageHeader title={t('title')} />
        <NotAllowed />
      </section>
    );
  }
  return <CompensationOf incidentId={incidentId} canExport={can('subscribers.manage')} />;
}

function CompensationOf({ incidentId, canExport }: { incidentId: string; canExport: boolean }) {
  const t = useText(compensationText);
  const incident = useResource<Incident>(`/api/admin/incidents/${encodeURIComponent(incidentId)}`);
  const gestures = useResource<{ gestures: Gesture[] }>(`/api/admin/incidents/${encodeURIComponent(incidentId)}/compensation`);
  const components = useResource<{ components: ComponentSummary[] }>('/api/admin/components');
  return (
    <section class="page compensation">
      <PageHeader title={incident.data ? `${t('title')} — ${incident.data.name}` : t('title')}>
        <a href={`/incidents/${encodeURIComponent(incidentId)}`}>{t('back')}</a>
      </PageHeader>
      <p class="lead">{t('lead')}</p>
      <ErrorNotice error={incident.error ?? gestures.error} onRetry={() => void Promise.all([incident.reload(), gestures.reload()])} />
      {!incident.data || !gestures.data ? (
        (incident.loading || gestures.loading) && <Loading />
      ) : (
        <div class="compensation-layout">
          <section aria-labelledby="gestures-title">
            <h2 id="gestures-title">{t('gestures')}</h2>
            {gestures.data.gestures.length === 0 ? (
              <p>{t('none')}</p>
            ) : (
              <ul class="gesture-list">
                {gestures.data.gestures.map((gesture) => (
                  <GestureCard key={`${gesture.id}:${gesture.version}`} gesture={gesture} components={components.data?.components ?? []} canExport={canExport} onChanged={() => void gestures.reload()} />
                ))}
              </ul>
            )}
          </section>
          <DefineForm incident={incident.data} onDefined={() => void gestures.reload()} />
        </div>
      )}
    </section>
  );
}
