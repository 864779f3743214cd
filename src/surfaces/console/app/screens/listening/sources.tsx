import { useState } from 'preact/hooks';
import { api } from '../../api.ts';
import { formatDateTime, useLanguage, useText } from '../../i18n.ts';
import { useCan } from '../../session.ts';
import { ConfirmDialog, FormError, described, fieldError, reasonNotice, useAction } from '../../ui/back-office.tsx';
import { Button, ErrorNotice, Field, Pill } from '../../ui/kit.tsx';
import type { Source } from './model.ts';
import { listeningText } from './text.ts';

const pollChoices = [120, 300, 900, 3_600];

/** The sources watched, their polls and errors; adding, polling now, pausing, removing. */
export function Sources({ sources, onChange }: { sources: Source[]; onChange: () => Promise<void> }) {
  const t = useText(listeningText);
  const can = useCan()('listening.manage');
  return (
    <div class="stack">
      {sources.length === 0 ? <p class="empty">{t('noSource')}</p> : <SourceTable sources={sources} canManage={can} onChange={onChange} />}
      {can ? <AddSource onAdded={onChange} /> : null}
    </div>
  );
}

function SourceTable({ sources, canManage, onChange }: { sources: Source[]; canManage: boolean; onChange: () => Promise<void> }) {
  const t = useText(listeningText);
  const language = useLanguage();
  const action = useAction();
  const [said, setSaid] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Source | null>(null);
  const known = { 'polled-recently': t('reason_polled_recently'), 'source-asked-to-wait': t('reason_source_asked_to_wait') };
  async function pollNow(source: Source) {
    setSaid(null);
    await action.run(async () => {
      const { poll } = await api.post<{ poll: { outcome: string; added: number; error: string | null } }>(`/api/admin/listening/sources/${source.id}/poll`);
      setSaid(poll.outcome === 'failed' ? t('pollFailed', { name: source.name, error: poll.error }) : poll.outcome === 'not_modified' ? t('unchanged', { name: source.name }) : t('polled', { name: source.name, added: poll.added }));
    });
    await onChange();
  }
  return (
    <>
      {said ? <p class="notice notice-ok" role="status">{said}</p> : null}
      <ErrorNotice error={reasonNotice(action.error, known)} />
      <div class="table-scroll">
        <table class="listening-sources">
          <caption class="visually-hidden">{t('sourcesTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col_source')}</th>
              <th scope="col">{t('col_keywords')}</th>
              <th scope="col">{t('col_poll')}</th>
              <th scope="col">{t('col_waiting')}</th>
              {canManage ? <th scope="col">{t('col_actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => (
              <tr key={source.id}>
                <th scope="row">
                  <span class="listening-source-name">{source.name}</span> <Pill tone="muted">{source.kind === 'feed' ? (source.format ?? 'feed').toUpperCase() : 'Mastodon'}</Pill>
                  <br />
                  <span class="hint">{source.kind === 'mastodon' ? `${source.url}${source.hashtag ? ` #${source.hashtag}` : ''}` : source.url}</span>
                </th>
                <td>{source.keywords.join(', ')}</td>
                <td>
                  {!source.enabled ? <Pill tone="muted">{t('disabled')}</Pill> : null}
                  <span class="listening-poll-line">{source.last_polled_at ? t('lastPoll', { when: formatDateTime(source.last_polled_at, language) }) : t('neverPolled')}</span>
                  {source.enabled ? <span class="listening-poll-line">{t('nextPoll', { when: formatDateTime(source.next_poll_at, language) })}</span> : null}
                  {source.last_error ? <span class="listening-error">{t('failing', { count: source.failures, error: source.last_error })}</span> : null}
                  {source.held_until ? <span class="listening-poll-line">{t('heldUntil', { when: formatDateTime(source.held_until, language) })}</span> : null}
                </td>
                <td>{source.new_mentions}</td>
                {canManage ? (
                  <td class="listening-actions">
                    <Button busy={action.busy} onClick={() => pollNow(source)} aria-label={t('pollNowOf', { name: source.name })}>{t('pollNow')}</Button>
                    <Button
                      onClick={async () => {
                        await action.run(() => api.patch(`/api/admin/listening/sources/${source.id}`, { enabled: !source.enabled }, { ifMatch: source.version }));
                        await onChange();
                      }}
                      aria-label={t(source.enabled ? 'disableOf' : 'enableOf', { name: source.name })}
                    >
                      {t(source.enabled ? 'disable' : 'enable')}
                    </Button>
                    <Button variant="danger" onClick={() => setRemoving(source)} aria-label={t('removeOf', { name: source.name })}>{t('remove')}</Button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {removing ? (
        <ConfirmDialog
          title={t('removeTitle', { name: removing.name })}
          confirmLabel={t('remove')}
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await action.run(() => api.delete(`/api/admin/listening/sources/${removing.id}`));
            setRemoving(null);
            await onChange();
          }}
        >
          <p>{t('removeBody')}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

function AddSource({ onAdded }: { onAdded: () => Promise<void> }) {
  const t = useText(listeningText);
  const [kind, setKind] = useState<'feed' | 'mastodon'>('feed');
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [hashtag, setHashtag] = useState('');
  const [keywords, setKeywords] = useState('');
  const [every, setEvery] = useState(300);
  const save = useAction();
  const error = (pointer: string) => fieldError(save.error, pointer);
  async function submit(event: Event) {
    event.preventDefault();
    const body = {
      name,
      kind,
      url,
      ...(kind === 'mastodon' && hashtag.trim() ? { hashtag: hashtag.trim() } : {}),
      keywords: keywords.split(',').map((keyword) => keyword.trim()).filter(Boolean),
      poll_every_seconds: every,
    };
    if (await save.run(() => api.post('/api/admin/listening/sources', body))) {
      setName('');
      setUrl('');
      setHashtag('');
      setKeywords('');
      await onAdded();
    }
  }
  return (
    <section class="card" aria-labelledby="listening-add-title">
      <h2 id="listening-add-title">{t('addSource')}</h2>
      <form class="listening-form" onSubmit={submit}>
        <Field id="source-kind" label={t('kind')}>
          <select id="source-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as 'feed' | 'mastodon')}>
            <option value="feed">{t('kind_feed')}</option>
            <option value="mastodon">{t('kind_mastodon')}</option>
          </select>
        </Field>
        <Field id="source-name" label={t('name')} error={error('/name')}>
          <input {...described('source-name', error('/name'))} value={name} onInput={(e) => setName(e.currentTarget.value)} required />
        </Field>
        <Field id="source-url" label={t(kind === 'feed' ? 'url_feed' : 'url_mastodon')} hint={kind === 'mastodon' ? t('urlHint_mastodon') : undefined} error={error('/url')}>
          <input {...described('source-url', error('/url'), kind === 'mastodon' ? t('urlHint_mastodon') : undefined)} type="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} required />
        </Field>
        {kind === 'mastodon' ? (
          <Field id="source-hashtag" label={t('hashtag')} hint={t('hashtagHint')} error={error('/hashtag')}>
            <input {...described('source-hashtag', error('/hashtag'), t('hashtagHint'))} value={hashtag} onInput={(e) => setHashtag(e.currentTarget.value)} />
          </Field>
        ) : null}
        <Field id="source-keywords" label={t('keywords')} hint={t('keywordsHint')} error={error('/keywords')}>
          <input {...described('source-keywords', error('/keywords'), t('keywordsHint'))} value={keywords} onInput={(e) => setKeywords(e.currentTarget.value)} required />
        </Field>
        <Field id="source-every" label={t('pollEvery')} error={error('/poll_every_seconds')}>
          <select id="source-every" value={every} onChange={(e) => setEvery(Number(e.currentTarget.value))}>
            {pollChoices.map((seconds) => <option key={seconds} value={seconds}>{t('minutes', { count: seconds / 60 })}</option>)}
          </select>
        </Field>
        <FormError error={save.error} fields={['/name', '/url', '/hashtag', '/keywords', '/poll_every_seconds']} />
        <div>
          <Button type="submit" variant="primary" busy={save.busy}>{t('add')}</Button>
        </div>
      </form>
    </section>
  );
}
