import { useState } from 'preact/hooks';
import { formatRelative, useLanguage, useText } from '../i18n.ts';
import { useCan } from '../session.ts';
import { incidentsText } from '../text/incidents.ts';
import type { Incident } from '../types.ts';
import { ErrorNotice, Loading, PageHeader, Pill } from '../ui/kit.tsx';
import { useNow, useResource } from '../use-resource.ts';

const impactTone = { none: 'muted', minor: 'minor', major: 'major', critical: 'critical', maintenance: 'info' } as const;

/** Every incident: the ongoing ones first with their clocks, then the closed ones, newest first. */
export function Incidents() {
  const t = useText(incidentsText);
  const can = useCan();
  return (
    <section class="page">
      <PageHeader title={t('title')}>
        {can('incident.open') && (
          <a class="btn btn-primary" href="/incidents/new">
            {t('open')}
          </a>
        )}
      </PageHeader>
      <IncidentList status="open" heading={t('ongoing')} empty={t('none')} />
      <IncidentList status="resolved" heading={t('closed')} empty={t('noneClosed')} />
    </section>
  );
}

function IncidentList({ status, heading, empty }: { status: 'open' | 'resolved'; heading: string; empty: string }) {
  const t = useText(incidentsText);
  const [cursor, setCursor] = useState<string | null>(null);
  const [earlier, setEarlier] = useState<Incident[]>([]);
  const page = useResource<{ incidents: Incident[]; next_cursor: string | null }>(`/api/admin/incidents?status=${status}&limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
  const incidents = [...earlier, ...(page.data?.incidents ?? [])];
  return (
    <section class="incident-list" aria-labelledby={`heading-${status}`}>
      <h2 id={`heading-${status}`}>{heading}</h2>
      <ErrorNotice error={page.error} onRetry={page.reload} />
      {page.loading && incidents.length === 0 ? (
        <Loading />
      ) : incidents.length === 0 ? (
        <p class="empty">{empty}</p>
      ) : (
        <ul class="cards">
          {incidents.map((incident) => (
            <IncidentCard key={incident.id} incident={incident} />
          ))}
        </ul>
      )}
      {page.data?.next_cursor && (
        <button
          type="button"
          class="btn"
          onClick={() => {
            setEarlier(incidents);
            setCursor(page.data!.next_cursor);
          }}
        >
          {t('more')}
        </button>
      )}
    </section>
  );
}

function IncidentCard({ incident }: { incident: Incident }) {
  const t = useText(incidentsText);
  const language = useLanguage();
  const now = useNow(30_000);
  const open = incident.status !== 'resolved' && incident.status !== 'postmortem';
  const late = incident.next_update_at !== null && new Date(incident.next_update_at).getTime() < now;
  return (
    <li class="card incident-card">
      <h3>
        <a href={`/incidents/${incident.id}`}>{incident.name}</a>
      </h3>
      <p class="pills">
        <Pill tone={impactTone[incident.impact]}>{t(`impact_${incident.impact}`)}</Pill>
        <Pill tone="info">{t(`status_${incident.status}`)}</Pill>
        {incident.visibility === 'internal' ? <Pill tone="major">{t('internal')}</Pill> : <Pill tone="ok">{t('public')}</Pill>}
      </p>
      <p class="meta">
        {open ? t('opened', { when: formatRelative(incident.created_at, now, language) }) : t('resolved', { when: formatRelative(incident.resolved_at ?? incident.updated_at, now, language) })}
        {open && (
          <>
            {' · '}
            <span class={late ? 'late' : undefined}>
              {incident.next_update_at ? t(late ? 'nextUpdateLate' : 'nextUpdate', { when: formatRelative(incident.next_update_at, now, language) }) : t('noPromise')}
            </span>
          </>
        )}
      </p>
    </li>
  );
}
