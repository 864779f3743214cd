import { useState } from 'preact/hooks';
import { useText } from '../i18n.ts';
import { useCan } from '../session.ts';
import { NotAllowed, TabPanel, Tabs } from '../ui/back-office.tsx';
import { ErrorNotice, Loading, PageHeader } from '../ui/kit.tsx';
import { useResource } from '../use-resource.ts';
import { Inbox } from './listening/inbox.tsx';
import type { Source } from './listening/model.ts';
import { Sources } from './listening/sources.tsx';
import { listeningText } from './listening/text.ts';
import './listening/listening.css';

/** Listening: the inbox of mentions found in the feeds and Mastodon timelines watched, and those sources. */
export function Listening(_props: { params?: Record<string, string> }) {
  const t = useText(listeningText);
  if (!useCan()('listening.read')) {
    return (
      <section class="page listening">
        <PageHeader title={t('title')} />
        <NotAllowed />
      </section>
    );
  }
  return <ListeningPage />;
}

function ListeningPage() {
  const t = useText(listeningText);
  const [tab, setTab] = useState<'inbox' | 'sources'>('inbox');
  const sources = useResource<{ sources: Source[] }>('/api/admin/listening/sources');
  const waiting = (sources.data?.sources ?? []).reduce((sum, source) => sum + source.new_mentions, 0);
  return (
    <section class="page listening">
      <PageHeader title={t('title')} />
      <p class="lead">{t('lead')}</p>
      <Tabs
        label={t('tabsLabel')}
        idPrefix="listening"
        current={tab}
        onSelect={setTab}
        tabs={[
          { id: 'inbox', label: t('inbox', { count: waiting }) },
          { id: 'sources', label: t('sources', { count: sources.data?.sources.length ?? 0 }) },
        ]}
      />
      <TabPanel idPrefix="listening" current={tab}>
        {tab === 'inbox' ? <Inbox onChange={() => void sources.reload()} /> : null}
        {tab === 'sources' ? (
          sources.error ? <ErrorNotice error={sources.error} onRetry={sources.reload} /> : sources.data ? <Sources sources={sources.data.sources} onChange={sources.reload} /> : <Loading />
        ) : null}
      </TabPanel>
    </section>
  );
}
