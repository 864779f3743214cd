import { useState } from 'preact/hooks';
import { useText } from '../i18n.ts';
import { useCan } from '../session.ts';
import { NotAllowed } from '../ui/back-office.tsx';
import { ErrorNotice, Field, Loading, PageHeader } from '../ui/kit.tsx';
import { useResource } from '../use-resource.ts';
import { CountsCard } from './subscribers/counts.tsx';
import { ImportPanel } from './subscribers/import-panel.tsx';
import type { Counts, StatusPage } from './subscribers/model.ts';
import { SearchCard } from './subscribers/search.tsx';
import { subscribersText } from './subscribers/text.ts';
import './subscribers/subscribers.css';

/** Subscribers of a status page: how many, finding one, removing one, importing and exporting lists. */
export function Subscribers(_props: { params?: Record<string, string> }) {
  const t = useText(subscribersText);
  if (!useCan()('subscribers.read')) {
    return (
      <section class="page subscribers">
        <PageHeader title={t('title')} />
        <NotAllowed />
      </section>
    );
  }
  return <SubscribersOfPages />;
}

function SubscribersOfPages() {
  const t = useText(subscribersText);
  const pages = useResource<{ pages: StatusPage[] }>('/api/admin/pages');
  const [chosen, setChosen] = useState<string | null>(null);
  const page = pages.data?.pages.find((candidate) => candidate.id === chosen) ?? pages.data?.pages[0];
  return (
    <section class="page subscribers">
      <PageHeader title={t('title')}>{page && <ExportLink pageId={page.id} />}</PageHeader>
      <p class="lead">{t('lead')}</p>
      <ErrorNotice error={pages.error} onRetry={pages.reload} />
      {!pages.data ? (
        pages.loading && <Loading />
      ) : !page ? (
        <p class="empty">{t('noPage')}</p>
      ) : (
        <>
          {pages.data.pages.length > 1 && (
            <Field id="subscribers-page" label={t('page')}>
              <select id="subscribers-page" class="page-picker" value={page.id} onChange={(e) => setChosen(e.currentTarget.value)}>
                {pages.data.pages.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <PageSubscribers key={page.id} pageId={page.id} />
        </>
      )}
    </section>
  );
}

function PageSubscribers({ pageId }: { pageId: string }) {
  const can = useCan();
  const counts = useResource<Counts>(`/api/admin/pages/${pageId}/subscribers/counts`);
  const [generation, setGeneration] = useState(0);
  const refresh = () => {
    void counts.reload();
    setGeneration((n) => n + 1);
  };
  return (
    <div class="subscribers-layout">
      <SearchCard key={generation} pageId={pageId} onRemoved={() => void counts.reload()} />
      <div class="stack">
        <CountsCard counts={counts} />
        {can('subscribers.manage') && <ImportPanel pageId={pageId} onImported={refresh} />}
      </div>
    </div>
  );
}

function ExportLink({ pageId }: { pageId: string }) {
  const t = useText(subscribersText);
  const can = useCan();
  if (!can('subscribers.manage')) return null;
  return (
    <a class="btn btn-secondary" href={`/api/admin/pages/${pageId}/subscribers/export`} download title={t('exportHint')}>
      {t('export')}
    </a>
  );
}
