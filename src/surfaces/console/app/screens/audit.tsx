import { useMemo, useState } from 'preact/hooks';
import { formatDateTime, useLanguage, useText } from '../i18n.ts';
import { shellText } from '../text/shell.ts';
import { useCan } from '../session.ts';
import { NotAllowed } from '../ui/back-office.tsx';
import { Button, ErrorNotice, Loading, PageHeader } from '../ui/kit.tsx';
import { useResource } from '../use-resource.ts';
import { changedFields, describe, type AuditEntry, type Vocabulary } from './audit/describe.ts';
import { AuditFilters, filterQuery, noFilter, type AuditFilter } from './audit/filters.tsx';
import { auditPhrases } from './audit/phrases.ts';
import { auditText } from './audit/text.ts';
import { componentsText } from './components/text.ts';
import './audit/audit.css';

interface Named {
  id: string;
  name: string;
}

/** The activity log in words, newest first, filterable by who, what and when. */
export function Audit(_props: { params?: Record<string, string> }) {
  const t = useText(auditText);
  if (!useCan()('audit.read')) {
    return (
      <section class="page audit">
        <PageHeader title={t('title')} />
        <NotAllowed />
      </section>
    );
  }
  return <AuditLog />;
}

function AuditLog() {
  const t = useText(auditText);
  const members = useResource<{ members: Named[] }>('/api/admin/members');
  const tokens = useResource<{ tokens: Named[] }>('/api/admin/tokens');
  const [filter, setFilter] = useState<AuditFilter>(noFilter);
  const names = useMemo(() => new Map([...(members.data?.members ?? []), ...(tokens.data?.tokens ?? [])].map((item) => [item.id, item.name])), [members.data, tokens.data]);
  const query = filterQuery(filter).toString();
  return (
    <section class="page audit">
      <PageHeader title={t('title')} />
      <p class="lead">{t('lead')}</p>
      <AuditFilters people={members.data?.members ?? []} tokens={tokens.data?.tokens ?? []} value={filter} onApply={setFilter} />
      <EntryList key={query} query={query} names={names} filtered={query !== ''} />
    </section>
  );
}

function EntryList({ query, names, filtered }: { query: string; names: Map<string, string>; filtered: boolean }) {
  const t = useText(auditText);
  const phrase = useText(auditPhrases);
  const shell = useText(shellText);
  const services = useText(componentsText);
  const [cursor, setCursor] = useState<string | null>(null);
  const [earlier, setEarlier] = useState<AuditEntry[]>([]);
  const page = useResource<{ entries: AuditEntry[]; next_cursor: string | null }>(`/api/admin/audit?limit=50${query ? `&${query}` : ''}${cursor ? `&cursor=${cursor}` : ''}`);
  const entries = [...earlier, ...(page.data?.entries ?? [])];
  const words: Vocabulary = {
    t,
    phrase,
    role: (role) => shell(`role_${role}` as 'role_owner'),
    status: (status) => services(`status_${status}` as 'status_operational'),
  };
  return (
    <section aria-labelledby="audit-entries" class="audit-entries">
      <h2 id="audit-entries" class="visually-hidden">
        {t('title')}
      </h2>
      <ErrorNotice error={page.error} onRetry={page.reload} />
      {page.loading && entries.length === 0 ? (
        <Loading />
      ) : entries.length === 0 ? (
        <p class="empty">{filtered ? t('noMatch') : t('none')}</p>
      ) : (
        <ol class="audit-list">
          {entries.map((entry) => (
            <Entry key={entry.id} entry={entry} sentence={describe(entry, names, words)} />
          ))}
        </ol>
      )}
      {page.data?.next_cursor && (
        <Button
          onClick={() => {
            setEarlier(entries);
            setCursor(page.data!.next_cursor);
          }}
        >
          {t('more')}
        </Button>
      )}
    </section>
  );
}

function Entry({ entry, sentence }: { entry: AuditEntry; sentence: string }) {
  const t = useText(auditText);
  const language = useLanguage();
  const fields = changedFields(entry);
  return (
    <li class="audit-entry">
      <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
      <div>
        <p class="audit-sentence">{sentence}</p>
        {fields.length > 0 && (
          <details>
            <summary>{t('details')}</summary>
            <table class="table audit-diff">
              <thead>
                <tr>
                  <th scope="col">{t('field')}</th>
                  <th scope="col">{t('before')}</th>
                  <th scope="col">{t('after')}</th>
                </tr>
              </thead>
              <tbody>
                {fields.map((row) => (
                  <tr key={row.field}>
                    <th scope="row">{row.field}</th>
                    <td>{row.before || t('nothingBefore')}</td>
                    <td>{row.after || t('nothingBefore')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        )}
      </div>
    </li>
  );
}
